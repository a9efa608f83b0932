/** Offline training of the shipped models ({@code ./cdss train lung-risk}); not used by the running application. */
@org.jspecify.annotations.NullMarked
package org.cdss.ai.train;
