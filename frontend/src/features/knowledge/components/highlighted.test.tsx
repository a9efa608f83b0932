import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlighted } from './highlighted';

describe('Highlighted', () => {
  it('marks the words between the server marks and never parses HTML', () => {
    const { container } = render(<Highlighted fragment={'수축기 \uE000혈압\uE001이 <b>180</b> 이상 \uE000potassium\uE001'} />);
    const marks = container.querySelectorAll('mark');
    expect(Array.from(marks).map((m) => m.textContent)).toEqual(['혈압', 'potassium']);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>180</b>');
  });
});
