// The page script of the Hugo baseline: the same small script as the bare-Astro baseline (src/client.ts), as plain JavaScript.
const ids = document.body.dataset;
window.dataLayer = window.dataLayer || [];
const track = (event, extra = {}) => window.dataLayer.push({ event, page_type: ids.pageType, segment: ids.segment ?? null, persona: ids.persona ?? null, vertical: ids.vertical ?? null, page_path: location.pathname, event_time: new Date().toISOString(), ...extra });
track('page_view');
document.addEventListener('click', (e) => {
  const cta = e.target.closest('[data-cta]');
  if (cta) track('cta_click', { cta_id: cta.dataset.cta ?? '' });
});
const form = document.querySelector('form[data-lead-form]');
const status = document.getElementById('lead-status');
form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!form.reportValidity()) return;
  if (status) status.textContent = form.dataset.sending ?? '';
  try {
    const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) });
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
  const choice = e.target.dataset.consent;
  if (!choice) return;
  localStorage.setItem('sp_consent', JSON.stringify({ analytics_storage: choice === 'accept' ? 'granted' : 'denied' }));
  banner.hidden = true;
});
