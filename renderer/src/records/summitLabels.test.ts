import { describe, expect, it } from 'vitest';
import { summitLabels } from './summitLabels.ts';

const summit = (id: number, title: string, city: string, startDate: string) => ({ id, title, city, startDate });

describe('summits as pickers show them', () => {
  it('tells apart summits of one title by their city and year, and leaves a title nobody shares alone', () => {
    const labels = summitLabels([
      summit(1, 'Cumbre Iberoamericana', 'Madrid', '2026-11-14'),
      summit(2, 'Cumbre Iberoamericana', 'Santo Domingo', '2023-03-24'),
      summit(3, 'CUMBRE IBEROAMÉRICANA', 'Andorra la Vella', '2021-04-21'),
      summit(4, 'OEA Asamblea General', 'Asunción', '2025-06-25'),
    ]);
    expect([...labels.values()]).toEqual([
      'Cumbre Iberoamericana · Madrid, 2026',
      'Cumbre Iberoamericana · Santo Domingo, 2023',
      // Read alike though typed in capitals with an accent: told apart too.
      'CUMBRE IBEROAMÉRICANA · Andorra la Vella, 2021',
      'OEA Asamblea General',
    ]);
  });

  it('adds the start day where city and year are shared too, and the year alone where no city was typed', () => {
    const labels = summitLabels([
      summit(5, 'Reunión de Cancilleres', 'Madrid', '2026-03-02'),
      summit(6, 'Reunión de Cancilleres', 'Madrid', '2026-10-19'),
      summit(7, 'Reunión de Cancilleres', '', '2024-05-06'),
    ]);
    expect([...labels.values()]).toEqual([
      'Reunión de Cancilleres · Madrid, 2026 · 2026-03-02',
      'Reunión de Cancilleres · Madrid, 2026 · 2026-10-19',
      'Reunión de Cancilleres · 2024',
    ]);
    expect(new Set(labels.values()).size).toBe(3);
  });
});
