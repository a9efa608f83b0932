/** One reliability bin: mean predicted probability, observed rate and how many cases fell in it. */
export interface CalibrationBin {
  predicted: number;
  observed: number;
  count: number;
}

/** A reliability diagram in plain SVG: observed rate against predicted probability, the diagonal being perfect. */
export function CalibrationChart({
  bins,
  title,
  xLabel,
  yLabel,
  testId,
}: {
  bins: readonly CalibrationBin[];
  title: string;
  xLabel: string;
  yLabel: string;
  testId?: string;
}) {
  const size = 240;
  const pad = 36;
  const at = (v: number) => pad + v * (size - 2 * pad);
  const flip = (v: number) => size - at(v);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  return (
    <svg role="img" aria-label={title} data-testid={testId} viewBox={`0 0 ${size} ${size}`} className="w-full max-w-xs text-slate-700">
      <title>{title}</title>
      <rect x={pad} y={pad} width={size - 2 * pad} height={size - 2 * pad} className="fill-none stroke-slate-300" />
      <line x1={at(0)} y1={flip(0)} x2={at(1)} y2={flip(1)} className="stroke-slate-400" strokeDasharray="4 3" />
      {bins.map((b) => (
        <circle
          key={b.predicted}
          cx={at(b.predicted)}
          cy={flip(b.observed)}
          r={3 + 6 * Math.sqrt(b.count / maxCount)}
          className="fill-rose-600/70"
          data-testid={testId ? `${testId}-bin` : undefined}
        >
          <title>{`${b.predicted.toFixed(2)} → ${b.observed.toFixed(2)} (n=${b.count})`}</title>
        </circle>
      ))}
      <text x={size / 2} y={size - 8} textAnchor="middle" className="fill-current text-[10px]">
        {xLabel}
      </text>
      <text x={10} y={size / 2} textAnchor="middle" transform={`rotate(-90 10 ${size / 2})`} className="fill-current text-[10px]">
        {yLabel}
      </text>
      <text x={at(0)} y={size - pad + 12} textAnchor="middle" className="fill-current text-[9px]">
        0
      </text>
      <text x={at(1)} y={size - pad + 12} textAnchor="middle" className="fill-current text-[9px]">
        1
      </text>
    </svg>
  );
}
