/**
 * chart.js, loaded only by the dashboard (dynamic import), with just the pieces it draws. Each chart sits
 * beside a table that carries the same figures for screen readers and print.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const ACCENT = '#1b4f72';
const PREVIOUS = '#b3541e';
const percent = (v: number | null) => (v === null ? null : Math.round(v * 100));

export interface Series {
  label: string;
  values: (number | null)[];
}

export function drawRadar(canvas: HTMLCanvasElement, labels: string[], current: Series, previous?: Series): Chart {
  return new Chart(canvas, {
    type: 'radar',
    data: {
      labels,
      datasets: [
        { label: current.label, data: current.values.map(percent), borderColor: ACCENT, backgroundColor: 'rgba(27,79,114,0.2)', fill: true },
        ...(previous ? [{ label: previous.label, data: previous.values.map(percent), borderColor: PREVIOUS, backgroundColor: 'rgba(179,84,30,0.08)', borderDash: [6, 4], fill: true }] : []),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, callback: (v) => `${v} %` } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

export function drawBars(canvas: HTMLCanvasElement, labels: string[], series: Series): Chart {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label: series.label, data: series.values.map(percent), backgroundColor: ACCENT }] },
    options: {
      animation: false,
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` } } },
      plugins: { legend: { display: false } },
    },
  });
}
