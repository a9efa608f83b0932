import type { AlertSeverity, AlertTier, SafetyAlert } from '../../types/api';

/** Most severe first. */
export const SEVERITY_ORDER: readonly AlertSeverity[] = ['CONTRAINDICATED', 'MAJOR', 'MODERATE', 'MINOR', 'INFO'];
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

/** True when the alerts need an override reason before the user may go on (HARD_STOP, INTERRUPTIVE). */
export function needsOverrideReason(alerts: readonly SafetyAlert[] | undefined): boolean {
  return (alerts ?? []).some((alert) => alert.tier === 'HARD_STOP' || alert.tier === 'INTERRUPTIVE');
}

/** Coded reasons for going on despite an interruptive alert. */
export const OVERRIDE_REASONS = ['PATIENT_TOLERATES', 'BENEFIT_OUTWEIGHS_RISK', 'ALLERGY_HISTORY_INCORRECT', 'DOSE_ADJUSTED', 'OTHER'] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];
