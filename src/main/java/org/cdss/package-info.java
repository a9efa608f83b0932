/** The application: {@link org.cdss.CdssApplication} and its modules below; non-null unless marked {@code @Nullable}. */
@org.jspecify.annotations.NullMarked
package org.cdss;
