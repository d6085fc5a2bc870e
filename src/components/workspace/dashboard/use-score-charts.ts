/**
 * The radar of the themes and the bars of the sub-themes, beside the tables that carry the same figures. chart.js's
 * evaluation and each chart's drawing run in tasks of their own (one long task would hold the page), once the
 * charts come near the screen or before printing (whenNearViewport).
 */
import { useEffect, useRef } from 'react';
import type { CampaignScores } from '../../../domain/scoring/score';
import { pause } from '../../../lib/pause';
import { whenNearViewport } from '../near-viewport';
import type { ComparedScores } from './use-compared-scores';

/** `shown`: the canvases are on the page (the dashboard has all its data). */
export function useScoreCharts(scores: CampaignScores, campaignName: string, compared: ComparedScores | null, shown: boolean) {
  const radar = useRef<HTMLCanvasElement>(null);
  const bars = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!shown || !radar.current || !bars.current || !box.current) return;
    let cancelled = false;
    const drawn: { destroy(): void }[] = [];
    const stopWaiting = whenNearViewport(box.current, () => void (async () => {
      const { drawRadar, drawBars } = await import('../charts');
      await pause();
      if (cancelled || !radar.current) return;
      const labels = scores.themes.map((t) => t.theme.title);
      drawn.push(
        drawRadar(
          radar.current,
          labels,
          { label: campaignName, values: scores.themes.map((t) => t.score.value) },
          compared?.scores ? { label: compared.compared.campaign.name, values: compared.scores.themes.map((t) => t.score.value) } : undefined,
        ),
      );
      await pause();
      if (cancelled || !bars.current) return;
      const subThemes = scores.themes.flatMap((t) => t.subThemes);
      drawn.push(drawBars(bars.current, subThemes.map((s) => `${s.subTheme.code} ${s.subTheme.title}`), { label: 'Score', values: subThemes.map((s) => s.score.value) }));
      box.current?.setAttribute('data-charts-ready', 'true');
    })());
    return () => {
      cancelled = true;
      stopWaiting();
      for (const chart of drawn) chart.destroy();
    };
  }, [shown, scores, compared?.scores, compared?.compared, campaignName]);
  return { radar, bars, box };
}
