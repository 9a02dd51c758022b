import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { graphql } from '../gql/index.ts';
import { agencyName, townName } from '../labels.ts';
import { ErrorBox, Loading, Main } from '../ui.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const FiguresQuery = graphql(`
  query ConsoleFigures {
    statistics {
      clientsByTown {
        town
        active
        waiting
        closed
        total
      }
      intakesAndClosings(period: YEAR) {
        periods {
          period
          intakes
          closings
        }
      }
      clientsByStage(period: YEAR) {
        period
        town
        total
        cells {
          stage
          count
        }
      }
      referralsByAgency {
        toAgency
        sent
        acknowledged
        overdue
        medianDaysToFirstContact
        medianDaysToOutcome
      }
    }
  }
`);

const SUPPRESSED = 'unterdrückt (< 5)';
const cell = (v: number | null | undefined) => (v === null || v === undefined ? <span className="suppressed">{SUPPRESSED}</span> : v.toLocaleString('de-DE'));
const csvCell = (v: string | number | null | undefined) => (v === null || v === undefined ? 'unterdrückt' : `"${String(v).replace(/"/g, '""')}"`);

function csvUrl(header: string[], rows: (string | number | null | undefined)[][]): string {
  const text = [header.map(csvCell).join(';'), ...rows.map((r) => r.map(csvCell).join(';'))].join('\r\n');
  return URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
}

interface Series {
  readonly name: string;
  readonly data: readonly (number | null | undefined)[];
}

/** A bar chart (SVG, with ECharts' ARIA description); the table beside it carries the values. */
function Bars({ label, categories, series, stacked }: { label: string; categories: readonly string[]; series: readonly Series[]; stacked: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || categories.length === 0) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      legend: {},
      tooltip: {},
      grid: { left: 48, right: 16, bottom: 64 },
      xAxis: { type: 'category', data: categories, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: series.map((s) => ({ name: s.name, type: 'bar', ...(stacked ? { stack: 'a' } : {}), data: s.data })),
    });
    return () => chart.dispose();
  }, [categories, series, stacked]);
  return (
    <figure>
      <div ref={ref} className="chart" role="img" aria-label={`Balkendiagramm: ${label}; die Werte stehen in der Tabelle darunter.`} />
      <figcaption>Unterdrückte Werte fehlen im Diagramm; siehe Tabelle.</figcaption>
    </figure>
  );
}

/** The coordinating office: figures as tables and a chart; suppressed cells say so. */
export function Figures() {
  const [result] = useQuery({ query: FiguresQuery });
  const towns = result.data?.statistics?.clientsByTown ?? [];
  const referrals = result.data?.statistics?.referralsByAgency ?? [];
  const periods = result.data?.statistics?.intakesAndClosings.periods ?? [];
  const blocks = result.data?.statistics?.clientsByStage ?? [];
  // Per intake year and town: the block's total and each stage's clients (a stage's count only
  // where every status cell of it is published; suppressed otherwise).
  const stageRows = useMemo(
    () =>
      blocks.map((b) => {
        const ofStage = (stage: number | null) => {
          const cells = b.cells.filter((c) => c.stage === stage);
          return cells.some((c) => c.count === null) ? null : cells.reduce((a, c) => a + (c.count ?? 0), 0);
        };
        return { period: b.period, town: b.town, total: b.total, stage1: ofStage(1), stage2: ofStage(2), none: ofStage(null) };
      }),
    [blocks],
  );
  const stageChart = useMemo(() => {
    const years = [...new Set(blocks.map((b) => b.period))].sort();
    const townsSeen = [...new Set(blocks.map((b) => b.town))];
    return {
      categories: years,
      series: townsSeen.map((town) => ({ name: townName(town), data: years.map((y) => blocks.find((b) => b.period === y && b.town === town)?.total ?? null) })),
    };
  }, [blocks]);
  const stageCsv = useMemo(
    () => csvUrl(['Aufnahmejahr', 'Ort', 'gesamt', 'Stufe 1', 'Stufe 2', 'ohne Stufe'], stageRows.map((r) => [r.period, townName(r.town), r.total, r.stage1, r.stage2, r.none])),
    [stageRows],
  );
  const durationChart = useMemo(
    () => ({
      categories: referrals.map((r) => agencyName(r.toAgency)),
      series: [
        { name: 'Median Tage bis Erstkontakt', data: referrals.map((r) => r.medianDaysToFirstContact) },
        { name: 'Median Tage bis Ergebnis', data: referrals.map((r) => r.medianDaysToOutcome) },
      ],
    }),
    [referrals],
  );
  const townChart = useMemo(
    () => ({
      categories: towns.map((t) => townName(t.town)),
      series: [
        { name: 'aktiv', data: towns.map((t) => t.active) },
        { name: 'wartend', data: towns.map((t) => t.waiting) },
        { name: 'abgeschlossen', data: towns.map((t) => t.closed) },
      ],
    }),
    [towns],
  );
  const periodChart = useMemo(
    () => ({
      categories: periods.map((p) => p.period),
      series: [
        { name: 'Aufnahmen', data: periods.map((p) => p.intakes) },
        { name: 'Abschlüsse', data: periods.map((p) => p.closings) },
      ],
    }),
    [periods],
  );
  const periodCsv = useMemo(() => csvUrl(['Jahr', 'Aufnahmen', 'Abschlüsse'], periods.map((p) => [p.period, p.intakes, p.closings])), [periods]);

  const townCsv = useMemo(
    () => csvUrl(['Ort', 'aktiv', 'wartend', 'abgeschlossen', 'gesamt'], towns.map((t) => [townName(t.town), t.active, t.waiting, t.closed, t.total])),
    [towns],
  );
  const referralCsv = useMemo(
    () =>
      csvUrl(
        ['Stelle', 'gesendet', 'Erstkontakt', 'überfällig', 'Median Tage bis Erstkontakt', 'Median Tage bis Ergebnis'],
        referrals.map((r) => [agencyName(r.toAgency), r.sent, r.acknowledged, r.overdue, r.medianDaysToFirstContact, r.medianDaysToOutcome]),
      ),
    [referrals],
  );

  return (
    <Main title="Kennzahlen">
      <p className="hint">Werte unter 5 (und Werte, aus denen sich solche errechnen ließen) werden nicht veröffentlicht und sind als „{SUPPRESSED}“ markiert.</p>
      <ErrorBox error={result.error} />
      {result.fetching && <Loading />}
      {towns.length > 0 && (
        <section aria-labelledby="by-town">
          <h2 id="by-town">Klientinnen und Klienten nach Ort</h2>
          <Bars label="Klientinnen und Klienten nach Ort und Status" categories={townChart.categories} series={townChart.series} stacked />
          <table>
            <caption>Klientinnen und Klienten nach Ort und Status</caption>
            <thead>
              <tr>
                <th scope="col">Ort</th>
                <th scope="col">aktiv</th>
                <th scope="col">wartend</th>
                <th scope="col">abgeschlossen</th>
                <th scope="col">gesamt</th>
              </tr>
            </thead>
            <tbody>
              {towns.map((t) => (
                <tr key={t.town}>
                  <th scope="row">{townName(t.town)}</th>
                  <td>{cell(t.active)}</td>
                  <td>{cell(t.waiting)}</td>
                  <td>{cell(t.closed)}</td>
                  <td>{cell(t.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a className="button" href={townCsv} download="kim-klienten-nach-ort.csv">
              Als CSV herunterladen (nach Ort)
            </a>
          </p>
        </section>
      )}
      {periods.length > 0 && (
        <section aria-labelledby="by-year">
          <h2 id="by-year">Aufnahmen und Abschlüsse nach Jahr</h2>
          <Bars label="Aufnahmen und Abschlüsse nach Jahr" categories={periodChart.categories} series={periodChart.series} stacked={false} />
          <table>
            <caption>Aufnahmen und Abschlüsse nach Jahr</caption>
            <thead>
              <tr>
                <th scope="col">Jahr</th>
                <th scope="col">Aufnahmen</th>
                <th scope="col">Abschlüsse</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{p.period}</th>
                  <td>{cell(p.intakes)}</td>
                  <td>{cell(p.closings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a className="button" href={periodCsv} download="kim-aufnahmen-abschluesse.csv">
              Als CSV herunterladen (nach Jahr)
            </a>
          </p>
        </section>
      )}
      {stageRows.length > 0 && (
        <section aria-labelledby="by-stage">
          <h2 id="by-stage">Klientinnen und Klienten nach Ort, Zielgruppen-Stufe und Aufnahmejahr</h2>
          <Bars label="Klientinnen und Klienten nach Aufnahmejahr und Ort" categories={stageChart.categories} series={stageChart.series} stacked />
          <table>
            <caption>Klientinnen und Klienten nach Aufnahmejahr, Ort und Stufe der Förderrichtlinie bei Aufnahme</caption>
            <thead>
              <tr>
                <th scope="col">Aufnahmejahr</th>
                <th scope="col">Ort</th>
                <th scope="col">gesamt</th>
                <th scope="col">Stufe 1</th>
                <th scope="col">Stufe 2</th>
                <th scope="col">ohne Stufe</th>
              </tr>
            </thead>
            <tbody>
              {stageRows.map((r) => (
                <tr key={`${r.period}-${r.town}`}>
                  <th scope="row">{r.period}</th>
                  <td>{townName(r.town)}</td>
                  <td>{cell(r.total)}</td>
                  <td>{cell(r.stage1)}</td>
                  <td>{cell(r.stage2)}</td>
                  <td>{cell(r.none)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a className="button" href={stageCsv} download="kim-klienten-nach-stufe.csv">
              Als CSV herunterladen (nach Stufe)
            </a>
          </p>
        </section>
      )}
      {referrals.length > 0 && (
        <section aria-labelledby="by-agency">
          <h2 id="by-agency">Verweisungen nach Stelle</h2>
          <Bars label="Median der Tage bis Erstkontakt und bis Ergebnis nach Stelle" categories={durationChart.categories} series={durationChart.series} stacked={false} />
          <table>
            <caption>Verweisungen und ihre Dauer in Tagen</caption>
            <thead>
              <tr>
                <th scope="col">Stelle</th>
                <th scope="col">gesendet</th>
                <th scope="col">mit Erstkontakt</th>
                <th scope="col">überfällig</th>
                <th scope="col">Median bis Erstkontakt</th>
                <th scope="col">Median bis Ergebnis</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr key={r.toAgency}>
                  <th scope="row">{agencyName(r.toAgency)}</th>
                  <td>{cell(r.sent)}</td>
                  <td>{cell(r.acknowledged)}</td>
                  <td>{cell(r.overdue)}</td>
                  <td>{cell(r.medianDaysToFirstContact)}</td>
                  <td>{cell(r.medianDaysToOutcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a className="button" href={referralCsv} download="kim-verweisungen.csv">
              Als CSV herunterladen (Verweisungen)
            </a>
          </p>
        </section>
      )}
    </Main>
  );
}
