// Friendly names for the server's shapes. Everything here comes from api.gen.ts, which
// `npm run gen:api` generates from openapi.json (the backend's OpenAPI document): never
// hand-write a copy of a server shape.
import type { components } from './api.gen';

type Schemas = components['schemas'];

export type DepartmentView = Schemas['DepartmentView'];
export type MeView = Schemas['MeView'];
export type UserView = Schemas['UserView'];
export type AuditEntryView = Schemas['AuditEntryView'];
export type HomeView = Schemas['HomeView'];
export type HomeCard = Schemas['HomeCard'];
export type PatientSummaryView = Schemas['PatientSummaryView'];
export type PageMeta = Schemas['PageMeta'];
export type PageViewUserView = Schemas['PageViewUserView'];
export type DoctorView = Schemas['DoctorView'];
export type PageViewAuditEntryView = Schemas['PageViewAuditEntryView'];
export type PageViewPatientSummaryView = Schemas['PageViewPatientSummaryView'];
export type LoginRequest = Schemas['LoginRequest'];
export type RegisterRequest = Schemas['RegisterRequest'];
export type ChangePasswordRequest = Schemas['ChangePasswordRequest'];
export type CreateUserRequest = Schemas['CreateUserRequest'];
export type UpdateUserRequest = Schemas['UpdateUserRequest'];
export type ResetPasswordRequest = Schemas['ResetPasswordRequest'];

/** A role as the server spells it (`DOCTOR`, `PATIENT`, …). */
export type Role = NonNullable<MeView['roles']>[number];
/** Outcome of an audited action (`SUCCESS`, `FAILURE`, `DENIED`). */
export type AuditOutcome = NonNullable<AuditEntryView['outcome']>;
/** Administrative sex code of a patient (`M`, `F`, `O`, `U`). */
export type Sex = NonNullable<PatientSummaryView['sex']>;

// Patient registry and clinical lists
export type PatientView = Schemas['PatientView'];
export type PatientChangeView = Schemas['PatientChangeView'];
export type DuplicateMatch = Schemas['DuplicateMatch'];
export type DuplicatePair = Schemas['DuplicatePair'];
export type DuplicateCheckRequest = Schemas['DuplicateCheckRequest'];
export type MergeRequest = Schemas['MergeRequest'];
export type RevealedRrn = Schemas['RevealedRrn'];
export type PortalActivationCode = Schemas['PortalActivationCode'];
export type RegisterPatientRequest = Schemas['RegisterPatientRequest'];
export type UpdatePatientRequest = Schemas['UpdatePatientRequest'];
export type AllergyView = Schemas['AllergyView'];
export type MedicationView = Schemas['MedicationView'];
export type ProblemView = Schemas['ProblemView'];
export type CreatedEntry = Schemas['CreatedEntry'];

// Scheduling
export type AppointmentView = Schemas['AppointmentView'];
export type SlotView = Schemas['SlotView'];
export type ScheduleView = Schemas['ScheduleView'];
export type BookAppointmentRequest = Schemas['BookAppointmentRequest'];
export type CancelAppointmentRequest = Schemas['CancelAppointmentRequest'];
export type DefineScheduleRequest = Schemas['DefineScheduleRequest'];
/** Life-cycle state of an appointment (`SCHEDULED`, `CHECKED_IN`, …). */
export type AppointmentStatus = NonNullable<AppointmentView['status']>;
export type DayOfWeek = NonNullable<ScheduleView['dayOfWeek']>;

// Medication safety
export type MedicationCheckRequest = Schemas['MedicationCheckRequest'];
export type MedicationCheckResult = Schemas['MedicationCheckResult'];
export type SafetyAlert = Schemas['SafetyAlert'];
export type ProposedDrug = Schemas['ProposedDrug'];
export type ActiveMedication = Schemas['ActiveMedication'];
export type RecordedAllergy = Schemas['RecordedAllergy'];
export type DrugSuggestion = Schemas['DrugSuggestion'];
export type KbInfo = Schemas['KbInfo'];
export type KbIngredient = Schemas['KbIngredient'];
export type KbInteraction = Schemas['KbInteraction'];
export type KbProduct = Schemas['KbProduct'];
export type InvolvedDrug = Schemas['InvolvedDrug'];
export type Source = Schemas['Source'];
export type AlertSeverity = NonNullable<SafetyAlert['severity']>;
export type AlertTier = NonNullable<SafetyAlert['tier']>;
/** What going on despite an alert needs (blocks? acknowledgement? reason? comment for which reasons?), from the server's OverridePolicy. */
export type OverrideRequirement = Schemas['OverrideRequirement'];
/** One blocking alert of a refused order send (the 422's `findings`). */
export type SafetyFinding = Schemas['SafetyFinding'];
/** The problem+json body of an order send refused by blocking medication-safety alerts. */
export type SafetyBlockedProblem = Schemas['SafetyBlockedProblem'];
export type AlertDecisionRequest = Schemas['AlertDecisionRequest'];
export type AlertDecision = Schemas['Decision'];
export type AlertDecisionResult = Schemas['AlertDecisionResult'];
export type OverrideStat = Schemas['OverrideStat'];
export type DayStatistics = Schemas['DayStatistics'];
export type StatusCounts = Schemas['StatusCounts'];

// Medical records
export type EncounterView = Schemas['EncounterView'];
export type EncounterDetailView = Schemas['EncounterDetailView'];
export type NoteView = Schemas['NoteView'];
export type NoteVersionView = Schemas['NoteVersionView'];
export type NoteDraftView = Schemas['NoteDraftView'];
export type NoteDraftRequest = Schemas['NoteDraftRequest'];
export type VitalsView = Schemas['VitalsView'];
export type DiagnosisView = Schemas['DiagnosisView'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type TimelinePage = Schemas['PageViewTimelineEntry'];
export type OpenEncounterRequest = Schemas['OpenEncounterRequest'];
export type WriteNoteRequest = Schemas['WriteNoteRequest'];
export type AmendNoteRequest = Schemas['AmendNoteRequest'];
export type RecordVitalsRequest = Schemas['RecordVitalsRequest'];
export type RecordDiagnosisRequest = Schemas['RecordDiagnosisRequest'];
export type VoidEncounterRequest = Schemas['VoidEncounterRequest'];
/** Life-cycle state of an encounter (`OPEN`, `FINISHED`, `ENTERED_IN_ERROR`). */
export type EncounterStatus = NonNullable<EncounterView['status']>;
// Notifications (issue 5)
export type NotificationView = Schemas['NotificationView'];
export type NotificationPage = Schemas['NotificationPage'];
// Orders (OCS)
export type OrderView = Schemas['OrderView'];
export type OrderItem = Schemas['OrderItem'];
export type OrderDetailView = Schemas['OrderDetailView'];
export type PageViewOrderView = Schemas['PageViewOrderView'];
export type OrderForm = Schemas['OrderForm'];
export type MedicationOrder = Schemas['Medication'];
export type LabTestOrder = Schemas['LabTest'];
export type ImagingOrder = Schemas['Imaging'];
export type TissueExamOrder = Schemas['TissueExam'];
export type LabTestView = Schemas['LabTestView'];
export type LabResultView = Schemas['LabResultView'];
export type LabValue = Schemas['LabValue'];
export type TransitionView = Schemas['TransitionView'];
export type DispenseView = Schemas['DispenseView'];
export type OrderOverrideView = Schemas['OverrideView'];
export type SendOrderRequest = Schemas['Send'];
export type CompleteOrderRequest = Schemas['Complete'];
export type CancelOrderRequest = Schemas['Cancel'];
export type OrderMessageView = Schemas['OrderMessageView'];
export type RecentLabView = Schemas['RecentLabView'];
export type UpdateOrderRequest = Schemas['UpdateOrder'];
/** An order linked to another by a revision (`replaces`, `replacedBy`). */
export type OrderLink = Schemas['OrderLink'];
export type OrderStatisticsView = Schemas['OrderStatisticsView'];
export type RoutingView = Schemas['RoutingView'];
export type OrderTemplate = Schemas['OrderTemplate'];
export type FavouriteOrder = Schemas['Favourite'];
export type OrderSet = Schemas['OrderSet'];
export type OrderSetForm = Schemas['OrderSetForm'];
/** `MEDICATION`, `LAB_TEST`, `IMAGING`, `TISSUE_EXAM`. */
export type OrderType = NonNullable<OrderView['type']>;
/** `PENDING` → `SENT` → `IN_PROGRESS` → `COMPLETED`, or `CANCELLED`. */
export type OrderStatus = NonNullable<OrderView['status']>;
/** `EMERGENCY`, `STAT`, `URGENT`, `ROUTINE` (most urgent first). */
export type OrderPriority = NonNullable<OrderView['priority']>;
/** `REQUESTED` (the orderer's reason is in `cancelReason`), `WITHDRAWN` before sending, `REPLACED` by a revision. */
export type CancelCause = NonNullable<OrderView['cancelCause']>;
export type LabFlag = NonNullable<LabResultView['flag']>;
export type MedicationRoute = NonNullable<MedicationOrder['route']>;
export type MedicationFrequency = NonNullable<MedicationOrder['frequency']>;
export type Modality = NonNullable<ImagingOrder['modality']>;
export type Laterality = NonNullable<ImagingOrder['laterality']>;
export type OverrideReasonCode = NonNullable<NonNullable<SendOrderRequest['override']>['reasonCode']>;

// knowledge hub
export type PubmedArticle = Schemas['PubmedArticle'];
export type PubmedSearchResult = Schemas['PubmedSearchResult'];
export type DocumentView = Schemas['DocumentView'];
export type DocumentHit = Schemas['DocumentHit'];
export type DocumentSearchResult = Schemas['DocumentSearchResult'];
export type DocumentDetailView = Schemas['DocumentDetailView'];
export type FeedView = Schemas['FeedView'];
export type FeedItemView = Schemas['FeedItemView'];
export type FeedItemPage = Schemas['FeedItemPage'];
export type EvidenceView = Schemas['EvidenceView'];
export type SavedArticle = Schemas['SavedArticle'];
export type SaveArticle = Schemas['SaveArticle'];
/** Kind of a hospital document (`PROTOCOL`, `GUIDELINE`, …). */
export type DocumentType = NonNullable<DocumentView['type']>;
/** What evidence is asked for (`INTERACTION`, `DRUG`, `DIAGNOSIS`, `ORDER`). */
export type EvidenceContext = NonNullable<EvidenceView['context']>;
export type ReferenceSetReport = Schemas['ReferenceSetReport'];
export type ReferenceSetFigures = Schemas['ReferenceSetFigures'];
// AI (issue 12)
export type AiModelList = Schemas['AiModelList'];
export type AiModelSummary = Schemas['AiModelSummary'];
export type AiModelDashboard = Schemas['AiModelDashboard'];
export type AiDay = Schemas['AiDay'];
export type AiDecisionRequest = Schemas['AiDecisionRequest'];
export type AiJobView = Schemas['AiJobView'];
export type LungRiskInputs = Schemas['LungRiskInputs'];
export type LungRiskPredict = Schemas['LungRiskPredict'];
export type LungRiskPrefill = Schemas['LungRiskPrefill'];
export type LungRiskStatistics = Schemas['LungRiskStatistics'];
export type LungRiskContribution = Schemas['LungRiskContribution'];
export type SuggestionView = Schemas['SuggestionView'];

// RIS (radiology reports)
export type WorklistItemView = Schemas['WorklistItemView'];
export type PageViewWorklistItemView = Schemas['PageViewWorklistItemView'];
export type ReportView = Schemas['ReportView'];
export type AddendumView = Schemas['AddendumView'];
export type ReadingView = Schemas['ReadingView'];
export type KeyImageView = Schemas['KeyImageView'];
/** A key image to mark: the study, the series and the instance by its SOP Instance UID. */
export type KeyImageRequest = Schemas['KeyImage'];
// Imaging (PACS, issue 11)
export type StudyView = Schemas['StudyView'];
export type SeriesView = Schemas['SeriesView'];
export type InstanceView = Schemas['InstanceView'];
export type ImagingUploadResult = Schemas['UploadResult'];
export type ImagingFileResult = Schemas['FileResult'];
export type VolumeView = Schemas['VolumeView'];
export type VolumeUpload = Schemas['VolumeUpload'];
export type ReconciliationView = Schemas['ReconciliationView'];
