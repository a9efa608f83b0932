import type { TFunction } from 'i18next';
import type { AlertSeverity, AlertTier, OverrideReasonCode, OverrideRequirement, SafetyAlert } from '../../types/api';

/** Most severe first. */
export const SEVERITY_ORDER: readonly AlertSeverity[] = ['CONTRAINDICATED', 'MAJOR', 'MODERATE', 'MINOR', 'INFO'];
/** The interaction sources an alert lists with their own grading (issue 14 item 3), and their grades. */
export const INTERACTION_SOURCES = ['ONC-HIGH', 'ANSM', 'NDF-RT', 'ONC-NONINT', 'CDSS-OVERLAY'] as const;
/** The engine's own sources (allergy, dose, products, duplicate therapy), named like the interaction sources. */
export const ENGINE_SOURCES = ['CDSS-ALLERGY', 'CDSS', 'CDSS-PRODUCTS', 'CDSS-DUPLICATE'] as const;
export const SOURCE_GRADES = ['CI', 'AD', 'PE', 'PC', 'Critical', 'Significant', 'ONC_HIGH_PRIORITY', 'ONC_NON_INTERRUPTIVE'] as const;

/**
 * An ANSM mixed category ("CI - ASDEC", "ASDEC - PE"; issue 14 item 2) as the grade codes above, or null when the
 * text is not one: ASDEC is AD, APEC is PC.
 */
export function mixedGradeParts(grade: string | undefined): (typeof SOURCE_GRADES)[number][] | null {
  if (!grade || !grade.includes(' - ')) return null;
  const map: Record<string, (typeof SOURCE_GRADES)[number]> = { CI: 'CI', ASDEC: 'AD', PE: 'PE', APEC: 'PC' };
  const parts = grade.split(' - ').map((p) => map[p.trim()]);
  return parts.every((p) => p !== undefined) ? parts : null;
}

const isOneOf = (list: readonly string[], value: string | undefined): value is string => value !== undefined && list.includes(value);

/**
 * A rule source (`ANSM`, `CDSS-ALLERGY`) by its name in the reader's language (`medsafety.sourceName.*`); a source
 * without a name reads as `fallback`, the code itself unless one is given. The code belongs in a tooltip.
 */
export function sourceName(code: string | undefined, t: TFunction, fallback?: string): string {
  if (isOneOf(INTERACTION_SOURCES, code) || isOneOf(ENGINE_SOURCES, code)) return t(`medsafety.sourceName.${code}`);
  return fallback ?? code ?? '';
}

/** A source's own grade (`AD`, `Critical`, ANSM's mixed `CI - ASDEC`) in words; undefined for a grade without a text. */
export function sourceGrade(grade: string | undefined, t: TFunction): string | undefined {
  if (isOneOf(SOURCE_GRADES, grade)) return t(`medsafety.sourceGrade.${grade}`);
  const parts = mixedGradeParts(grade);
  return parts ? t('medsafety.sourceGrade.mixed', { grades: parts.map((g) => t(`medsafety.sourceGrade.${g}`)).join(' / ') }) : undefined;
}

/** Most interruptive first. */
export const TIER_ORDER: readonly AlertTier[] = ['HARD_STOP', 'INTERRUPTIVE', 'SHOWN', 'INFORMATIONAL'];

export interface SeverityGroup {
  severity: AlertSeverity;
  alerts: SafetyAlert[];
}

const rank = <T,>(order: readonly T[], value: T | undefined) => {
  const index = value === undefined ? -1 : order.indexOf(value);
  return index < 0 ? order.length : index;
};

/**
 * Alerts grouped by severity, most severe group first, empty groups left out; inside a
 * group the more interruptive tier comes first, then the server's order. An alert without
 * a (known) severity counts as INFO so that nothing is ever dropped.
 */
export function groupAlertsBySeverity(alerts: readonly SafetyAlert[] | undefined): SeverityGroup[] {
  const indexed = (alerts ?? []).map((alert, index) => ({ alert, index }));
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    alerts: indexed
      .filter(({ alert }) => (alert.severity && SEVERITY_ORDER.includes(alert.severity) ? alert.severity : 'INFO') === severity)
      .sort((a, b) => rank(TIER_ORDER, a.alert.tier) - rank(TIER_ORDER, b.alert.tier) || a.index - b.index)
      .map(({ alert }) => alert),
  })).filter((group) => group.alerts.length > 0);
}

/**
 * Every coded reason the server knows, for the texts only (`medsafety.override.*`): which reasons a dialog offers,
 * and which of them need a comment, come from each alert's `override` (the server's OverridePolicy), never from here.
 */
export const OVERRIDE_REASONS = ['PATIENT_TOLERATES', 'BENEFIT_OUTWEIGHS_RISK', 'ALLERGY_HISTORY_INCORRECT', 'DOSE_ADJUSTED', 'OTHER'] as const;
export type OverrideReason = OverrideReasonCode;

/** What going on despite all these alerts needs: each alert's `override` (from the server) put together. */
export interface OverrideNeeds {
  /** Some alert stops an order from being sent until it is overridden or acknowledged. */
  blocking: boolean;
  /** Some alert is an incomplete check: the user must say they know it is incomplete. */
  acknowledgementRequired: boolean;
  /** Some alert needs a coded reason. */
  reasonRequired: boolean;
  /** The reasons that may be given, in the server's order. */
  reasons: OverrideReason[];
  /** The reasons that need a comment (for some alert). */
  commentRequiredFor: OverrideReason[];
  /** A comment is needed whatever the reason (a hard stop). */
  commentAlwaysRequired: boolean;
}

const union = <T,>(lists: (readonly T[] | undefined)[]) => [...new Set(lists.flatMap((list) => list ?? []))];

/** Puts together the server's override requirement of each alert; an alert without one asks for nothing. */
export function overrideNeeds(alerts: readonly SafetyAlert[] | undefined): OverrideNeeds {
  const requirements = (alerts ?? []).map((alert) => alert.override).filter((r): r is OverrideRequirement => !!r);
  const needingReason = requirements.filter((r) => r.reasonRequired);
  const reasons = union(needingReason.map((r) => r.reasons));
  return {
    blocking: requirements.some((r) => r.blocking),
    acknowledgementRequired: requirements.some((r) => r.acknowledgementRequired),
    reasonRequired: needingReason.length > 0,
    reasons,
    commentRequiredFor: union(needingReason.map((r) => r.commentRequiredFor)),
    commentAlwaysRequired: needingReason.some((r) => (r.reasons?.length ?? 0) > 0 && (r.reasons ?? []).every((reason) => r.commentRequiredFor?.includes(reason))),
  };
}
