/** What the scheduling screens need to know about the signed-in user (handed in by the app's routes). */
export interface SessionUser {
  id?: string;
  displayName?: string;
  roles?: readonly string[];
  patientId?: string;
}
