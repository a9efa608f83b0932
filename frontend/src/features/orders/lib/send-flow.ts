import type { OverrideDecision } from '../../../components/safety/safety-alert-dialog';
import type { SafetyAlert, SafetyFinding, SendOrderRequest } from '../../../types/api';

/**
 * The 422's `findings` (the server's SafetyFinding: drugs by name only, and what each one's override needs) in the
 * shape the shared alert list and dialog show.
 */
export function findingsToAlerts(findings: unknown): SafetyAlert[] {
  if (!Array.isArray(findings)) return [];
  return (findings as SafetyFinding[]).map((finding) => ({
    ruleId: finding.ruleId,
    type: finding.type,
    severity: finding.severity,
    tier: finding.tier,
    drugs: (finding.drugs ?? []).map((name) => ({ name })),
    summary: finding.summary,
    effect: finding.effect,
    whatHappens: finding.whatHappens,
    whatToDo: finding.whatToDo,
    source: finding.source,
    override: finding.override,
  }));
}

/** The body of the repeated send: what the dialog collected, as the findings' `override` asked for it. */
export function overrideRequest(decision: OverrideDecision, version?: number): SendOrderRequest {
  const comment = decision.comment.trim();
  return {
    version,
    override: {
      ...(decision.reasonCode ? { reasonCode: decision.reasonCode } : {}),
      ...(comment ? { comment } : {}),
      ...(decision.incompleteAcknowledged ? { incompleteAcknowledged: true } : {}),
    },
  };
}
