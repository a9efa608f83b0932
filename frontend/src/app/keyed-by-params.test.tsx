import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ComponentType } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router-dom';
import { keyedByParams } from './keyed-by-params';

function Draft() {
  const { id } = useParams();
  const [text, setText] = useState('');
  return (
    <div>
      <span data-testid="record">{id}</span>
      <input data-testid="draft" value={text} onChange={(e) => setText(e.target.value)} />
    </div>
  );
}

function renderAt(Page: ComponentType) {
  const router = createMemoryRouter([{ path: '/patients/:id', Component: Page }], { initialEntries: ['/patients/a'] });
  render(<RouterProvider router={router} />);
  return router;
}

describe('keyedByParams', () => {
  afterEach(cleanup);

  it('drops what was typed for one record when another record opens on the same route', async () => {
    const router = renderAt(keyedByParams(Draft));
    fireEvent.change(screen.getByTestId('draft'), { target: { value: 'patient A only' } });
    await act(() => router.navigate('/patients/b'));
    expect(screen.getByTestId('record').textContent).toBe('b');
    expect((screen.getByTestId('draft') as HTMLInputElement).value).toBe('');
  });

  it('is what makes the difference: a plain route keeps the previous record state', async () => {
    const router = renderAt(Draft);
    fireEvent.change(screen.getByTestId('draft'), { target: { value: 'patient A only' } });
    await act(() => router.navigate('/patients/b'));
    expect((screen.getByTestId('draft') as HTMLInputElement).value).toBe('patient A only');
  });
});
