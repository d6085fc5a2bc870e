/**
 * Runs `show` once, when `element` comes near the screen or the page is about to print. The dashboard's charts
 * sit two screens down on a phone: drawn as they are reached, they no longer hold the page while it opens.
 */
export function whenNearViewport(element: Element, show: () => void): () => void {
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once(), { rootMargin: '400px 0px' });
  const stop = () => {
    observer.disconnect();
    removeEventListener('beforeprint', once);
  };
  let done = false;
  function once() {
    if (done) return;
    done = true;
    stop();
    show();
  }
  observer.observe(element);
  addEventListener('beforeprint', once);
  return stop;
}
