// Progressive enhancement of the portal's forms; every form works without it.
// Place pickers: the county list follows the league list at once (without script the page posts back to fill it).
// "Use my location": fills the form's hidden latitude and longitude where the browser offers a position.
document.documentElement.classList.add('js');
for (const league of document.querySelectorAll('select[data-place-league]')) {
  const county = document.getElementById(league.dataset.placeLeague);
  league.addEventListener('change', async () => {
    county.replaceChildren(county.options[0]);
    if (!/^15\d\d00$/.test(league.value) || league.value === '150000') return;
    const answer = await fetch('/places?league=' + encodeURIComponent(league.value), { headers: { Accept: 'application/json' } });
    if (!answer.ok) return;
    for (const place of await answer.json()) county.add(new Option(place.name, place.code));
  });
}
for (const button of document.querySelectorAll('button[data-locate]')) {
  if (!('geolocation' in navigator)) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    const status = document.getElementById(button.dataset.locateStatus);
    navigator.geolocation.getCurrentPosition(position => {
      document.getElementById(button.dataset.locateLat).value = position.coords.latitude.toFixed(5);
      document.getElementById(button.dataset.locateLng).value = position.coords.longitude.toFixed(5);
      if (button.dataset.locateFor) document.getElementById(button.dataset.locateFor).value = 'browser';
      status.textContent = button.dataset.located;
    }, () => { status.textContent = button.dataset.failed; }, { timeout: 10000 });
  });
}
for (const button of document.querySelectorAll('button[data-share]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const url = button.dataset.share;
    if (navigator.share) { try { await navigator.share({ title: document.title, url }); } catch { } return; }
    await navigator.clipboard?.writeText(url);
    document.getElementById(button.dataset.shareStatus).textContent = button.dataset.copied;
  });
}
