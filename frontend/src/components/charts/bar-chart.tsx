/** One bar: its label and value (negative values extend left of the axis). */
export interface Bar {
  key: string;
  label: string;
  value: number;
}

/**
 * Horizontal bars in plain SVG, with a zero axis in the middle when any value is negative (e.g. contributions to a
 * prediction in log-odds) and at the left otherwise (counts). `format` writes the value beside its bar.
 */
export function BarChart({
  bars,
  title,
  format = (v) => String(v),
  testId,
}: {
  bars: readonly Bar[];
  title: string;
  format?: (value: number) => string;
  testId?: string;
}) {
  const rowHeight = 22;
  const labelWidth = 170;
  const valueWidth = 70;
  const plot = 260;
  const max = Math.max(1e-9, ...bars.map((b) => Math.abs(b.value)));
  const signed = bars.some((b) => b.value < 0);
  const zero = labelWidth + (signed ? plot / 2 : 0);
  const scale = (signed ? plot / 2 : plot) / max;
  const height = bars.length * rowHeight + 4;
  return (
    <svg
      role="img"
      aria-label={title}
      data-testid={testId}
      viewBox={`0 0 ${labelWidth + plot + valueWidth} ${height}`}
      className="w-full max-w-2xl text-slate-700"
    >
      <title>{title}</title>
      <line x1={zero} x2={zero} y1={0} y2={height} className="stroke-slate-300" />
      {bars.map((b, i) => {
        const width = Math.abs(b.value) * scale;
        const x = b.value < 0 ? zero - width : zero;
        const y = i * rowHeight + 4;
        return (
          <g key={b.key} data-testid={testId ? `${testId}-bar` : undefined} data-key={b.key} data-value={b.value}>
            <text x={labelWidth - 6} y={y + 12} textAnchor="end" className="fill-current text-[11px]">
              {b.label}
            </text>
            <rect x={x} y={y} width={Math.max(width, 1)} height={rowHeight - 8} className={b.value < 0 ? 'fill-sky-600' : 'fill-rose-600'} />
            <text x={labelWidth + plot + 4} y={y + 12} className="fill-current text-[11px] tabular-nums">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
