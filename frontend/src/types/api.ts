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
