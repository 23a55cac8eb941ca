// The page script of the baseline: a data-layer event per page view and per call to action, and the
// lead form sent with fetch. A hand-written equivalent of the site's tracking script, smaller.
export {};
const ids = document.body.dataset;
const w = window as unknown as { dataLayer: unknown[] };
w.dataLayer = w.dataLayer || [];
const track = (event: string, extra: Record<string, string> = {}) =>
  w.dataLayer.push({ event, page_type: ids.pageType, segment: ids.segment ?? null, persona: ids.persona ?? null, vertical: ids.vertical ?? null, page_path: location.pathname, event_time: new Date().toISOString(), ...extra });
track('page_view');
document.addEventListener('click', (e) => {
  const cta = (e.target as Element).closest<HTMLElement>('[data-cta]');
  if (cta) track('cta_click', { cta_id: cta.dataset.cta ?? '' });
});
const form = document.querySelector<HTMLFormElement>('form[data-lead-form]');
const status = document.getElementById('lead-status');
form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!form.reportValidity()) return;
  if (status) status.textContent = form.dataset.sending ?? '';
  try {
    const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>) });
    if (!response.ok) throw new Error(String(response.status));
    track('generate_lead', { form_id: 'lead-form' });
    if (status) status.textContent = form.dataset.success ?? '';
  } catch {
    if (status) status.textContent = form.dataset.failure ?? '';
  }
});
const banner = document.getElementById('sp-consent');
if (banner && !localStorage.getItem('sp_consent')) banner.hidden = false;
banner?.addEventListener('click', (e) => {
  const choice = (e.target as HTMLElement).dataset.consent;
  if (!choice) return;
  localStorage.setItem('sp_consent', JSON.stringify({ analytics_storage: choice === 'accept' ? 'granted' : 'denied' }));
  banner.hidden = true;
});
