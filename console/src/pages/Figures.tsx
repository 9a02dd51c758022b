import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { BarChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useBlobUrl } from '../blobUrls.ts';
import { graphql } from '../gql/index.ts';
import { suppressedPoints, type Series } from '../chartData.ts';
import { agencyName, townName } from '../labels.ts';
import { ErrorBox, Loading, Main, ScrollTable } from '../ui.tsx';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

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
        p90DaysToFirstContact
        medianDaysToOutcome
        p90DaysToOutcome
      }
    }
  }
`);

const SUPPRESSED = 'unterdrückt (< 5)';
const cell = (v: number | null | undefined) => (v === null || v === undefined ? <span className="suppressed">{SUPPRESSED}</span> : v.toLocaleString('de-DE'));
const csvCell = (v: string | number | null | undefined) => (v === null || v === undefined ? 'unterdrückt' : `"${String(v).replace(/"/g, '""')}"`);

function csvText(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header.map(csvCell).join(';'), ...rows.map((r) => r.map(csvCell).join(';'))].join('\r\n');
}

/** A CSV download while the table is shown (with a BOM, so that spreadsheet programs read UTF-8). */
const useCsvUrl = (text: string) => useBlobUrl(text, 'text/csv;charset=utf-8', '\ufeff');

/**
 * A bar chart (SVG, with ECharts' ARIA description); the table beside it carries the values. A
 * suppressed value has no bar: a marker "unterdrückt (< 5)" stands on the axis at its category,
 * and the caption names each such point, so no gap reads as zero.
 */
function Bars({ label, categories, series, stacked }: { label: string; categories: readonly string[]; series: readonly Series[]; stacked: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const suppressed = useMemo(() => suppressedPoints(categories, series), [categories, series]);
  useEffect(() => {
    if (!ref.current || categories.length === 0) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const marked = categories.map((_, i) => (series.some((s) => s.data[i] === null) ? 0 : '-'));
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      legend: {},
      tooltip: {},
      grid: { left: 48, right: 16, bottom: 64 },
      xAxis: { type: 'category', data: categories, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...series.map((s) => ({ name: s.name, type: 'bar', ...(stacked ? { stack: 'a' } : {}), data: s.data.map((v) => v ?? '-') })),
        ...(suppressed.length > 0
          ? [{ name: SUPPRESSED, type: 'scatter', symbol: 'triangle', symbolSize: 12, itemStyle: { color: '#6b6b6b' }, data: marked, tooltip: { formatter: SUPPRESSED } }]
          : []),
      ],
    });
    return () => chart.dispose();
  }, [categories, series, stacked, suppressed]);
  return (
    <figure>
      <div ref={ref} className="chart" role="img" aria-label={`Balkendiagramm: ${label}; die Werte stehen in der Tabelle darunter.`} />
      <figcaption>
        {suppressed.length > 0 ? (
          <>
            Ohne Balken, mit Dreieck markiert ({SUPPRESSED}): <span className="suppressed-points">{suppressed.join('; ')}</span>.
          </>
        ) : (
          'Keine Werte unterdrückt.'
        )}
      </figcaption>
    </figure>
  );
}

/** The coordinating office: figures as tables and a chart; suppressed cells say so. */
export function Figures() {
  const [stageTown, setStageTown] = useState('');
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
  // Over the periods: all towns side by side (each town's total), or one town by stage.
  const stageChart = useMemo(() => {
    const periodsSeen = [...new Set(blocks.map((b) => b.period))].sort();
    if (stageTown) {
      const ofTown = (period: string) => stageRows.find((r) => r.period === period && r.town === stageTown);
      return {
        categories: periodsSeen,
        series: [
          { name: 'Stufe 1', data: periodsSeen.map((p) => ofTown(p)?.stage1) },
          { name: 'Stufe 2', data: periodsSeen.map((p) => ofTown(p)?.stage2) },
          { name: 'ohne Stufe', data: periodsSeen.map((p) => ofTown(p)?.none) },
        ],
      };
    }
    const townsSeen = [...new Set(blocks.map((b) => b.town))];
    return {
      categories: periodsSeen,
      series: townsSeen.map((town) => ({ name: townName(town), data: periodsSeen.map((p) => blocks.find((b) => b.period === p && b.town === town)?.total) })),
    };
  }, [blocks, stageRows, stageTown]);
  const stageTowns = useMemo(() => [...new Set(blocks.map((b) => b.town))], [blocks]);
  const stageCsv = useCsvUrl(useMemo(
    () => csvText(['Aufnahmejahr', 'Ort', 'gesamt', 'Stufe 1', 'Stufe 2', 'ohne Stufe'], stageRows.map((r) => [r.period, townName(r.town), r.total, r.stage1, r.stage2, r.none])),
    [stageRows],
  ));
  const durationChart = useMemo(
    () => ({
      categories: referrals.map((r) => agencyName(r.toAgency)),
      series: [
        { name: 'Median Tage bis Erstkontakt', data: referrals.map((r) => r.medianDaysToFirstContact) },
        { name: '90 % bis Erstkontakt', data: referrals.map((r) => r.p90DaysToFirstContact) },
        { name: 'Median Tage bis Ergebnis', data: referrals.map((r) => r.medianDaysToOutcome) },
        { name: '90 % bis Ergebnis', data: referrals.map((r) => r.p90DaysToOutcome) },
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
  const periodCsv = useCsvUrl(useMemo(() => csvText(['Jahr', 'Aufnahmen', 'Abschlüsse'], periods.map((p) => [p.period, p.intakes, p.closings])), [periods]));

  const townCsv = useCsvUrl(useMemo(
    () => csvText(['Ort', 'aktiv', 'wartend', 'abgeschlossen', 'gesamt'], towns.map((t) => [townName(t.town), t.active, t.waiting, t.closed, t.total])),
    [towns],
  ));
  const referralCsv = useCsvUrl(useMemo(
    () =>
      csvText(
        ['Stelle', 'gesendet', 'Erstkontakt', 'überfällig', 'Median Tage bis Erstkontakt', '90 % Tage bis Erstkontakt', 'Median Tage bis Ergebnis', '90 % Tage bis Ergebnis'],
        referrals.map((r) => [agencyName(r.toAgency), r.sent, r.acknowledged, r.overdue, r.medianDaysToFirstContact, r.p90DaysToFirstContact, r.medianDaysToOutcome, r.p90DaysToOutcome]),
      ),
    [referrals],
  ));

  return (
    <Main title="Kennzahlen">
      <p className="hint">Werte unter 5 (und Werte, aus denen sich solche errechnen ließen) werden nicht veröffentlicht und sind als „{SUPPRESSED}“ markiert.</p>
      <ErrorBox error={result.error} />
      {result.fetching && <Loading />}
      {towns.length > 0 && (
        <section aria-labelledby="by-town">
          <h2 id="by-town">Klientinnen und Klienten nach Ort</h2>
          <Bars label="Klientinnen und Klienten nach Ort und Status" categories={townChart.categories} series={townChart.series} stacked />
          <ScrollTable label="Tabelle: Klientinnen und Klienten nach Ort">
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
          </ScrollTable>
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
          <ScrollTable label="Tabelle: Aufnahmen und Abschlüsse">
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
          </ScrollTable>
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
          <form className="filters" aria-label="Darstellung nach Stufe" onSubmit={(e) => e.preventDefault()}>
            <p>
              <label htmlFor="stage-town">Diagramm</label>
              <select id="stage-town" value={stageTown} onChange={(e) => setStageTown(e.target.value)}>
                <option value="">alle Orte (gesamt je Ort)</option>
                {stageTowns.map((t) => (
                  <option key={t} value={t}>
                    {townName(t)} nach Stufe
                  </option>
                ))}
              </select>
            </p>
          </form>
          <Bars
            label={stageTown ? `Klientinnen und Klienten in ${townName(stageTown)} nach Aufnahmejahr und Stufe` : 'Klientinnen und Klienten nach Aufnahmejahr und Ort'}
            categories={stageChart.categories}
            series={stageChart.series}
            stacked
          />
          <ScrollTable label="Tabelle: Aufnahmen nach Ort und Stufe">
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
          </ScrollTable>
          <p>
            <a className="button" href={stageCsv} download="kim-klienten-nach-stufe-jahr.csv">
              Als CSV herunterladen (nach Stufe)
            </a>
          </p>
        </section>
      )}
      {referrals.length > 0 && (
        <section aria-labelledby="by-agency">
          <h2 id="by-agency">Verweisungen nach Stelle</h2>
          <Bars label="Dauer der Verweisungen nach Stelle: Median und 90-%-Wert der Tage bis Erstkontakt und bis Ergebnis" categories={durationChart.categories} series={durationChart.series} stacked={false} />
          <ScrollTable label="Tabelle: Verweisungen">
            <table>
              <caption>Verweisungen und ihre Dauer in Tagen</caption>
              <thead>
                <tr>
                  <th scope="col">Stelle</th>
                  <th scope="col">gesendet</th>
                  <th scope="col">mit Erstkontakt</th>
                  <th scope="col">überfällig</th>
                  <th scope="col">Median bis Erstkontakt</th>
                  <th scope="col">90 % bis Erstkontakt</th>
                  <th scope="col">Median bis Ergebnis</th>
                  <th scope="col">90 % bis Ergebnis</th>
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
                    <td>{cell(r.p90DaysToFirstContact)}</td>
                    <td>{cell(r.medianDaysToOutcome)}</td>
                    <td>{cell(r.p90DaysToOutcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
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
