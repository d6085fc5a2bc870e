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
      // Fills its box, kept square by the stylesheet before the chart is drawn: nothing below moves when it is.
      maintainAspectRatio: false,
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

/** The radar as a JPEG for the PDF: drawn off screen, white background, no animation, sharp when printed. */
export function radarImage(labels: string[], current: Series): string {
  const canvas = document.createElement('canvas');
  canvas.width = 900;
  canvas.height = 900;
  const chart = new Chart(canvas, {
    type: 'radar',
    data: {
      labels: labels.map(wrapLabel),
      datasets: [{ label: current.label, data: current.values.map(percent), borderColor: ACCENT, backgroundColor: 'rgba(27,79,114,0.25)', borderWidth: 5, pointRadius: 7, fill: true }],
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      layout: { padding: 10 },
      scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, callback: (v) => `${v} %`, font: { size: 24 } }, pointLabels: { font: { size: 34, weight: 'bold' } } } },
      plugins: { legend: { display: false } },
    },
    plugins: [
      {
        id: 'white-background',
        beforeDraw: (c) => {
          const ctx = c.ctx;
          ctx.save();
          ctx.globalCompositeOperation = 'destination-over';
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, c.width, c.height);
          ctx.restore();
        },
      },
    ],
  });
  const url = chart.toBase64Image('image/jpeg', 0.9);
  chart.destroy();
  return url;
}

/** Long theme names on two lines, so the radar keeps its size. */
function wrapLabel(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= 16) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
