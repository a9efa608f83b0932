/**
 * Radiology (RIS, issue 11 items 6-8, ADR 0029): the radiologists' reading worklist, structured reports and their
 * sign-off. Owns {@code radiology_report} (one report per imaging order: findings, impression, recommendation, a
 * BI-RADS category for breast imaging, a critical-finding flag; DRAFT → SIGNED, immutable once signed) and
 * {@code radiology_report_addendum} (corrections, each signed when written, appended) and {@code radiology_report_key_image}
 * (the key images the radiologist marks on the draft by SOP Instance UID, fixed once signed, ADR 0041). Does not own
 * orders, studies or images: the worklist is the imaging orders that {@code orders} holds in progress (acquired), the
 * images come from the {@code imaging} module's HTTP API in the browser, and a key image is resolved (when marked)
 * and rendered (for the PDF) through {@code imaging}'s {@link org.cdss.imaging.KeyImageSource}.
 *
 * <p>Signing completes the imaging order in the same transaction through {@code orders}' public API
 * ({@link org.cdss.orders.ImagingOrderCompletion}), whose events make the OCS notifications (a
 * critical finding: an urgent critical result). Publishes {@link org.cdss.radiology.ReportSigned} and
 * {@link org.cdss.radiology.ReportAddendumSigned} (ids and facts only); {@code notifications} tells the ordering doctor
 * of an addendum. Signed reports and addenda feed the patient's timeline ({@code records}' {@code TimelineSource}).
 *
 * <p>Access ({@link org.cdss.radiology.ReportAccess}): radiologists of the order's department write and sign;
 * radiology staff of that department, administrators, the ordering doctor and the doctors and nurses of the ordering
 * doctor's departments read (the latter only signed reports); a patient reads their own signed reports. Every read is
 * audited; a report the caller may not see is 404.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Radiology (RIS)",
        allowedDependencies = {
            "shared",
            "audit",
            "identity",
            "patients",
            "orders",
            "orders::events",
            "records",
            "imaging"
        })
@org.jspecify.annotations.NullMarked
package org.cdss.radiology;
