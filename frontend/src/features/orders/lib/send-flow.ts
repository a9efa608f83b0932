import type { OverrideReasonCode, SafetyAlert, SendOrderRequest } from '../../../types/api';

/** One blocking alert as a refused send (422) names it: drugs are names only. */
export interface Finding {
  ruleId?: string;
  type?: SafetyAlert['type'];
  severity?: SafetyAlert['severity'];
  tier?: SafetyAlert['tier'];
  drugs?: string[];
  whatHappens?: string;
  whatToDo?: string;
  source?: string;
}

/** The 422's `findings` in the shape the shared alert list shows. */
export function findingsToAlerts(findings: unknown): SafetyAlert[] {
  if (!Array.isArray(findings)) return [];
  return (findings as Finding[]).map((finding) => ({
    ruleId: finding.ruleId,
    type: finding.type,
    severity: finding.severity,
    tier: finding.tier,
    drugs: (finding.drugs ?? []).map((name) => ({ name })),
    whatHappens: finding.whatHappens,
    whatToDo: finding.whatToDo,
    source: finding.source,
  }));
}

/** The body of the repeated send: the coded reason, and the comment when one was written. */
export function overrideRequest(reasonCode: OverrideReasonCode | undefined, comment: string, version?: number): SendOrderRequest {
  const trimmed = comment.trim();
  return {
    version,
    // the dialog asks for a reason whenever an alert is interruptive; findings of a 422 always are
    override: { reasonCode: reasonCode ?? 'OTHER', ...(trimmed ? { comment: trimmed } : {}) },
  };
}
