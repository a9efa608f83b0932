/**
 * BMI (kg/m²) to one decimal, for the live preview only: the server computes the value it stores. Returns null
 * unless both height (cm) and weight (kg) are positive numbers.
 */
export function previewBmi(heightCm: string, weightKg: string): string | null {
  const h = Number(heightCm);
  const w = Number(weightKg);
  if (!heightCm.trim() || !weightKg.trim() || !Number.isFinite(h) || !Number.isFinite(w) || h <= 0 || w <= 0) return null;
  const metres = h / 100;
  return (Math.round((w / (metres * metres)) * 10) / 10).toFixed(1);
}
