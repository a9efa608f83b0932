/** Part of the shared module; nullness as everywhere in CDSS: non-null unless marked {@code @Nullable}. */
@org.jspecify.annotations.NullMarked
package org.cdss.shared.web;
