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

/** The coordinating office: figures as tables and a chart; suppressed cells say so. */
export function Figures() {
  const [result] = useQuery({ query: FiguresQuery });
  const towns = result.data?.statistics?.clientsByTown ?? [];
  const referrals = result.data?.statistics?.referralsByAgency ?? [];
  const chartRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!chartRef.current || towns.length === 0) return undefined;
    const chart = echarts.init(chartRef.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      legend: {},
      tooltip: {},
      grid: { left: 48, right: 16, bottom: 64 },
      xAxis: { type: 'category', data: towns.map((t) => townName(t.town)), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        { name: 'aktiv', type: 'bar', stack: 'a', data: towns.map((t) => t.active) },
        { name: 'wartend', type: 'bar', stack: 'a', data: towns.map((t) => t.waiting) },
        { name: 'abgeschlossen', type: 'bar', stack: 'a', data: towns.map((t) => t.closed) },
      ],
    });
    return () => chart.dispose();
  }, [towns]);

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
          <figure>
            <div ref={chartRef} className="chart" role="img" aria-label="Balkendiagramm: Klientinnen und Klienten nach Ort und Status; die Werte stehen in der Tabelle darunter." />
            <figcaption>Unterdrückte Werte fehlen im Diagramm; siehe Tabelle.</figcaption>
          </figure>
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
      {referrals.length > 0 && (
        <section aria-labelledby="by-agency">
          <h2 id="by-agency">Verweisungen nach Stelle</h2>
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
