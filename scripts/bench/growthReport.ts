import type { BudgetCheck } from './report.ts';
import { check } from './report.ts';
import { round } from './stats.ts';

// How each figure grows with the store (or the pack): its values at each size
// and the log-log slope between sizes, with the issue's budgets.

/** One figure at one size, with the 1-minute load average when it was measured. */
export interface GrowthPoint {
  /** Annotations and notes in the store, or pages in the pack. */
  readonly size: number;
  readonly value: number;
  readonly loadAverage: number;
}

/** Between two sizes: how many times the figure grew per tenfold size, as a power (1 = linear, 0 = flat). */
export interface GrowthStep {
  readonly from: number;
  readonly to: number;
  readonly slope: number;
}

export interface GrowthFigure {
  readonly label: string;
  readonly unit: string;
  /** What the size counts. */
  readonly per: 'annotations' | 'pages';
  readonly points: readonly GrowthPoint[];
  readonly steps: readonly GrowthStep[];
}

export interface GrowthStoreInfo {
  readonly annotations: number;
  readonly counts: Record<string, number>;
  readonly fileMb: number;
  /** Seconds the generator took when it wrote this store (maybe in an earlier run), and the load then. */
  readonly generateSeconds: number;
  readonly loadAverageWhileGenerating: number;
  /** True when this run used the cached store. */
  readonly reused: boolean;
  /** Upgrading the measured copy from the schema it was generated at (0 when current). */
  readonly upgradeMs: number;
}

/** Stable keys: figures by name, sizes as numbers. */
export interface GrowthResults {
  readonly seed: number;
  readonly stores: readonly GrowthStoreInfo[];
  readonly figures: Record<string, GrowthFigure>;
}

export interface GrowthBenchResults {
  readonly schema: 1;
  readonly mode: 'growth' | 'growth-quick';
  readonly startedAt: string;
  readonly machine: { readonly cpus: number; readonly loadAverageAtStart: number; readonly loadAverageAtEnd: number };
  readonly growth: GrowthResults;
  readonly budgets: readonly BudgetCheck[];
}

/**
 * The log-log slope between two points: log(v2/v1) / log(n2/n1). Over a tenfold
 * size it is the growth per decade: 1 for work proportional to the size, 0.2 for
 * ×1.58 per tenfold (about what a deeper B-tree costs), 0 for none.
 */
export function growthSlope(from: Pick<GrowthPoint, 'size' | 'value'>, to: Pick<GrowthPoint, 'size' | 'value'>): number {
  if (!(from.size > 0 && to.size > 0 && from.value > 0 && to.value > 0) || from.size === to.size) return Number.NaN;
  return Math.log(to.value / from.value) / Math.log(to.size / from.size);
}

/** A figure from its points (any order), each step between neighbouring sizes with its slope. */
export function growthFigure(label: string, unit: string, per: GrowthFigure['per'], points: readonly GrowthPoint[]): GrowthFigure {
  const sorted = [...points].sort((a, b) => a.size - b.size);
  const steps = sorted.slice(1).map((to, index) => {
    const from = sorted[index] as GrowthPoint;
    return { from: from.size, to: to.size, slope: round(growthSlope(from, to), 2) };
  });
  return { label, unit, per, points: sorted, steps };
}

/** The steepest step: a figure passes a slope budget only if it holds between every pair of neighbouring sizes. */
export function steepest(figure: GrowthFigure | undefined): number | null {
  if (!figure || figure.steps.length === 0) return null;
  const slopes = figure.steps.map((step) => step.slope);
  return slopes.some(Number.isNaN) ? null : Math.max(...slopes);
}

/** Judged on CPU time (see growth.ts); the wall-clock figures are printed beside them. */
export const viewFigureKeys = ['views.summitView.cpuMedianMs', 'views.meetingBrief.cpuMedianMs', 'views.sectorView.cpuMedianMs'] as const;

export function checkGrowthBudgets(growth: GrowthResults): BudgetCheck[] {
  const slopeBudget = (key: string, limit: number) => {
    const figure = growth.figures[key];
    return check(
      `growth.${key}.slope`,
      `growth of ${figure?.label ?? key}: steepest slope`,
      steepest(figure),
      limit,
      figure?.per === 'pages' ? 'per log pages' : 'per decade',
      'max',
      figure ? undefined : 'not measured',
    );
  };
  const rss = growth.figures.peakRssMb;
  const largest = rss?.points.at(-1);
  const ratios = growth.figures['pack.ratio']?.points.map((point) => point.value) ?? [];
  return [
    ...viewFigureKeys.map((key) => slopeBudget(key, 0.2)),
    slopeBudget('search.cpuP95Ms', 0.2),
    slopeBudget('pack.exportMs', 1.1),
    // A pack in one print: the export at most a quarter more than Chromium's own print of it, at every size.
    check(
      'growth.pack.ratio.largest',
      'pack export / one Chromium print, largest of the sizes',
      ratios.length > 0 ? Math.max(...ratios) : null,
      1.25,
      '×',
      'max',
      ratios.length > 0 ? undefined : 'not measured',
    ),
    check(
      'growth.peakRssMb.atLargest',
      `peak RSS of the store process at ${largest ? largest.size.toLocaleString('en-US') : '1,000,000'} annotations`,
      largest?.value ?? null,
      300,
      'MB',
      'max',
      largest ? undefined : 'not measured',
    ),
  ];
}

const format = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2));
const count = (value: number) => value.toLocaleString('en-US');

function figureTable(figures: readonly GrowthFigure[], sizeLabel: string): string[] {
  const sizes = [...new Set(figures.flatMap((figure) => figure.points.map((point) => point.size)))].sort((a, b) => a - b);
  if (sizes.length === 0) return [];
  const stepNames = sizes.slice(1).map((to, index) => `slope ${count(sizes[index] as number)} → ${count(to)}`);
  const lines = [
    `| Figure (${sizeLabel}) | ${sizes.map(count).join(' | ')} | ${stepNames.join(' | ')} |`,
    `| --- | ${sizes.map(() => '---').join(' | ')} | ${stepNames.map(() => '---').join(' | ')} |`,
  ];
  for (const figure of figures) {
    const cells = sizes.map((size) => {
      const point = figure.points.find((candidate) => candidate.size === size);
      return point ? `${format(point.value)} ${figure.unit} (load ${point.loadAverage.toFixed(1)})` : '—';
    });
    const slopes = sizes.slice(1).map((to, index) => {
      const step = figure.steps.find((candidate) => candidate.from === sizes[index] && candidate.to === to);
      return step && !Number.isNaN(step.slope) ? step.slope.toFixed(2) : '—';
    });
    lines.push(`| ${figure.label} | ${cells.join(' | ')} | ${slopes.join(' | ')} |`);
  }
  return lines;
}

/** The growth figures and budgets as Markdown tables, for the terminal and an issue's closing note. */
export function renderGrowthTable(results: GrowthBenchResults): string {
  const { growth } = results;
  const lines = [
    `Machine: ${results.machine.cpus} CPUs, load average ${results.machine.loadAverageAtStart} at start, ${results.machine.loadAverageAtEnd} at end (each figure's load beside it).`,
    '',
    '| Store | Contents | File | Generated |',
    '| --- | --- | --- | --- |',
    ...growth.stores.map(
      (store) =>
        `| ${count(store.annotations)} annotations and notes | ${Object.entries(store.counts)
          .map(([name, n]) => `${n} ${name}`)
          .join(
            ', ',
          )} | ${store.fileMb} MB | ${store.generateSeconds} s (load ${store.loadAverageWhileGenerating})${store.reused ? ', cached' : ''}${store.upgradeMs > 0 ? `; copy upgraded in ${format(store.upgradeMs)} ms` : ''} |`,
    ),
    '',
  ];
  const figures = Object.values(growth.figures);
  lines.push(
    ...figureTable(
      figures.filter((figure) => figure.per === 'annotations'),
      'annotations and notes',
    ),
  );
  lines.push('');
  lines.push(
    ...figureTable(
      figures.filter((figure) => figure.per === 'pages'),
      'pages',
    ),
  );
  lines.push('', '| Budget | Value | Limit | Result |', '| --- | --- | --- | --- |');
  for (const budget of results.budgets) {
    const value = budget.value === null ? '—' : `${format(budget.value)} ${budget.unit}`;
    const limit = `${budget.direction === 'max' ? '≤' : '≥'} ${budget.limit} ${budget.unit}`;
    lines.push(`| ${budget.label} | ${value} | ${limit} | ${budget.result}${budget.note ? ` (${budget.note})` : ''} |`);
  }
  return lines.join('\n');
}
