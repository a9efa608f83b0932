/**
 * Imaging (PACS half of issue 11): the {@link org.cdss.imaging.ImageArchive} port and its Orthanc adapter (DICOMweb
 * QIDO-RS/WADO-RS rendered + Orthanc REST for storing, the change feed, {@code /tools/find}, archives and deletion;
 * basic auth, timeouts, retries with back-off, a circuit breaker; 503 {@code imaging.pacs-unavailable} when Orthanc
 * is down), the local Orthanc that CDSS starts as a child process when {@code CDSS_PACS_URL} is not set (ADR 0027),
 * uploads of DICOM files and zips streamed to the archive with a per-file outcome, the link of studies to patients
 * (DICOM PatientID = MRN; a mismatch waits for a person's audited decision) and to imaging orders (an accession
 * number given when the order is sent, a modality worklist entry, Orthanc's change feed with a persisted cursor),
 * and the viewing API (studies, series, instances, rendered previews, downloads, the 2D viewer's DICOMweb proxy of
 * WADO-RS metadata and frames — ADR 0036) with the timeline's IMAGING entries; research volumes (NIfTI) stored with a
 * checksum under CDSS_HOME, their header checked. Owns {@code imaging_study}, {@code imaging_order_accession},
 * {@code imaging_change_cursor}, {@code imaging_volume}. Does not own reports
 * (the {@code radiology} module) nor the orders' life cycle (it asks {@code orders} to move a SENT imaging order to
 * IN_PROGRESS when its study arrived). Publishes {@link org.cdss.imaging.StudyLinked}. No DICOM parsing here:
 * Orthanc parses, dcmtk writes worklist files.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Imaging (PACS)",
        allowedDependencies = {"shared", "audit", "patients", "orders", "orders::events", "records"})
@org.jspecify.annotations.NullMarked
package org.cdss.imaging;
