/** One point of a series: its label on the x axis and its value (null: no value, a gap). */
export interface LinePoint {
  x: string;
  y: number | null;
}

/** A line over labelled points in plain SVG; `max` fixes the top of the y axis (e.g. 1 for a rate). */
export function LineChart({
  points,
  title,
  max,
  format = (v) => String(v),
  testId,
}: {
  points: readonly LinePoint[];
  title: string;
  max?: number;
  format?: (value: number) => string;
  testId?: string;
}) {
  const width = 520;
  const height = 180;
  const left = 48;
  const bottom = 24;
  const top = max ?? Math.max(1, ...points.map((p) => p.y ?? 0));
  const step = points.length > 1 ? (width - left - 10) / (points.length - 1) : 0;
  const xy = (i: number, y: number) => [left + i * step, height - bottom - (y / top) * (height - bottom - 10)] as const;
  const path = points
    .map((p, i) => (p.y == null ? null : xy(i, p.y)))
    .map((c, i) => (c ? `${i === 0 ? 'M' : 'L'}${c[0].toFixed(1)},${c[1].toFixed(1)}` : ''))
    .join(' ')
    .replace(/^ +/, '')
    .replace(/^L/, 'M');
  return (
    <svg role="img" aria-label={title} data-testid={testId} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-2xl text-slate-700">
      <title>{title}</title>
      <line x1={left} x2={left} y1={10} y2={height - bottom} className="stroke-slate-300" />
      <line x1={left} x2={width} y1={height - bottom} y2={height - bottom} className="stroke-slate-300" />
      <text x={left - 4} y={14} textAnchor="end" className="fill-current text-[10px]">
        {format(top)}
      </text>
      <text x={left - 4} y={height - bottom} textAnchor="end" className="fill-current text-[10px]">
        {format(0)}
      </text>
      {points.length > 1 ? <path d={path} className="fill-none stroke-sky-700" strokeWidth={2} /> : null}
      {points.map((p, i) =>
        p.y == null ? null : (
          <circle key={p.x} cx={xy(i, p.y)[0]} cy={xy(i, p.y)[1]} r={3} className="fill-sky-700">
            <title>{`${p.x}: ${format(p.y)}`}</title>
          </circle>
        ),
      )}
      {points.map((p, i) =>
        i === 0 || i === points.length - 1 ? (
          <text key={`l-${p.x}`} x={xy(i, 0)[0]} y={height - 6} textAnchor={i === 0 ? 'start' : 'end'} className="fill-current text-[10px]">
            {p.x}
          </text>
        ) : null,
      )}
    </svg>
  );
}
