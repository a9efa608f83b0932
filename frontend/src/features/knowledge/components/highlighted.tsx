import { Fragment } from 'react';

const START = '\uE000';
const END = '\uE001';

/** A search fragment whose matched words the server wrapped in private-use marks, shown with <mark> (no HTML parsing). */
export function Highlighted({ fragment }: { fragment: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let rest = fragment;
  while (rest.length > 0) {
    const start = rest.indexOf(START);
    if (start < 0) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), marked: false });
    const end = rest.indexOf(END, start + 1);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), marked: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? (
          <mark key={i} className="rounded bg-amber-200 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
