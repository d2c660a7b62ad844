/**
 * The indicators page's own script (served as /indicators/page.js): reads the downloads
 * with the token typed in and draws each indicator as two SVG bar charts, per
 * jurisdiction and over the last 8 periods. A suppressed cell is a hatched bar the
 * chart's height labelled "suppressed": never a zero. Plain browser JavaScript, no
 * library; every text from an answer is escaped before it is drawn.
 */
export const INDICATORS_SCRIPT = String.raw`(function () {
  'use strict';
  var W = 340, H = 170, TOP = 16, BOTTOM = 30, LEFT = 6;
  var form = document.getElementById('choice');
  var status = document.getElementById('status');
  var charts = document.getElementById('charts');
  var downloads = document.getElementById('downloads');
  function $(id) { return document.getElementById(id); }
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function say(text, problem) { status.textContent = text; status.className = problem ? 'problem' : ''; }

  function get(url, token) {
    var headers = { accept: 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(url, { headers: headers }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
    });
  }
  function url(region, p, by) {
    return '/indicators/' + encodeURIComponent(region) + '.json?year=' + p.year + (p.quarter ? '&quarter=' + p.quarter : '') + (by ? '&byJurisdiction=true' : '');
  }
  function label(p) { return p.quarter ? p.year + '-Q' + p.quarter : String(p.year); }

  // The 8 periods up to the one chosen: quarters with a token (not past the current one), else years.
  function trendPeriods(year, quarter, token) {
    var out = [], i;
    if (!token) { for (i = 7; i >= 0; i--) out.push({ year: year - i }); return out; }
    var now = new Date(), y = year, q = quarter || 4;
    var nowQ = Math.floor(now.getUTCMonth() / 3) + 1;
    if (!quarter && y === now.getUTCFullYear()) q = nowQ;
    for (i = 0; i < 8; i++) { out.unshift({ year: y, quarter: q }); if (q === 1) { y -= 1; q = 4; } else q -= 1; }
    return out;
  }

  // A field's values as series: each region total (jurisdiction null) starts one, its parts follow.
  function series(values) {
    var out = [], current = null;
    values.forEach(function (v) {
      if (v.jurisdiction === null || !current) {
        current = { key: v.indicator + (v.note ? ' (' + v.note + ')' : ''), indicator: v.indicator, note: v.note, unit: v.unit, cells: [] };
        out.push(current);
      }
      current.cells.push({ label: v.jurisdiction || 'region', value: v.value, suppressed: v.suppressed });
    });
    return out;
  }

  function number(v) { return Math.round(v * 1000) / 1000; }

  function barChart(kind, caption, cells) {
    var max = 0;
    cells.forEach(function (c) { if (!c.suppressed && c.value > max) max = c.value; });
    if (max === 0) max = 1;
    var slot = (W - LEFT) / cells.length, bar = Math.min(36, slot * 0.7), plot = H - TOP - BOTTOM;
    var parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + W + '" height="' + H + '" role="img" aria-label="' + esc(caption) + '">',
      '<defs><pattern id="hatch-' + kind + '" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#edf2f7"/><line x1="0" y1="0" x2="0" y2="6" stroke="#718096" stroke-width="2"/></pattern></defs>',
      '<line x1="' + LEFT + '" y1="' + (H - BOTTOM) + '" x2="' + W + '" y2="' + (H - BOTTOM) + '" stroke="#a0aec0"/>'];
    cells.forEach(function (c, i) {
      var x = LEFT + i * slot + (slot - bar) / 2, cx = x + bar / 2;
      if (c.suppressed) {
        parts.push('<g class="cell suppressed"><title>' + esc(c.label) + ': suppressed</title><rect x="' + x + '" y="' + TOP + '" width="' + bar + '" height="' + plot + '" fill="url(#hatch-' + kind + ')" stroke="#718096"/>' +
          '<text transform="translate(' + (cx + 3) + ',' + (H - BOTTOM - 4) + ') rotate(-90)">suppressed</text></g>');
      } else {
        var h = c.value === null ? 0 : Math.max(1, (c.value / max) * plot);
        parts.push('<g class="cell shown"><title>' + esc(c.label) + ': ' + esc(c.value === null ? 'no value' : number(c.value)) + '</title><rect class="bar" x="' + x + '" y="' + (H - BOTTOM - h) + '" width="' + bar + '" height="' + h + '" fill="#2b6cb0"/>' +
          '<text x="' + cx + '" y="' + (H - BOTTOM - h - 3) + '" text-anchor="middle">' + esc(c.value === null ? '–' : number(c.value)) + '</text></g>');
      }
      // A quarter's label on two lines (2026 / Q3), so that eight fit side by side.
      var lines = String(c.label).split('-');
      parts.push('<text x="' + cx + '" y="' + (H - BOTTOM + 12) + '" text-anchor="middle">' + lines.map(function (line, n) { return '<tspan x="' + cx + '" dy="' + (n ? 11 : 0) + '">' + esc(line) + '</tspan>'; }).join('') + '</text>');
    });
    parts.push('</svg>');
    return '<figure class="chart ' + kind + '">' + parts.join('') + '<figcaption>' + esc(caption) + '</figcaption></figure>';
  }

  var TITLES = { identification: 'Identification', prosecution: 'Prosecution', protection: 'Protection', legalAid: 'Legal aid', reintegration: 'Returns and reintegration', accreditation: 'Accreditation' };

  function problems(body) { return (body.errors || []).map(function (e) { return e.message; }).join(' '); }

  function draw(main, trend, periods, token) {
    var html = [];
    Object.keys(main.indicators).forEach(function (field) {
      html.push('<section class="field" data-field="' + esc(field) + '"><h2>' + esc(TITLES[field] || field) + '</h2>');
      series(main.indicators[field]).forEach(function (s) {
        var over = periods.map(function (p, i) {
          var answer = trend[i], cell = null;
          if (answer && answer.ok && answer.body.indicators[field]) {
            series(answer.body.indicators[field]).forEach(function (t) { if (t.key === s.key) cell = t.cells[0]; });
          }
          return { label: label(p), value: cell ? cell.value : null, suppressed: cell ? cell.suppressed : false };
        });
        html.push('<div class="indicator" data-indicator="' + esc(s.indicator) + '"><h3>' + esc(s.indicator) + ' <small>(' + esc(s.unit) + ')</small></h3>' +
          (s.note ? '<p class="note">' + esc(s.note) + '</p>' : '') + '<div class="charts">' +
          barChart('by-jurisdiction', (token ? 'per jurisdiction, ' : 'the region, ') + main.period, s.cells) +
          barChart('trend', 'the region over ' + label(periods[0]) + ' to ' + label(periods[periods.length - 1]), over) + '</div></div>');
      });
      html.push('</section>');
    });
    charts.innerHTML = html.join('');
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var region = $('region').value, year = Number($('year').value), quarter = $('quarter').value ? Number($('quarter').value) : null;
    var token = $('token').value.trim();
    var chosen = { year: year, quarter: quarter };
    var periods = trendPeriods(year, quarter, token);
    var csv = '/indicators/' + encodeURIComponent(region) + '.csv?year=' + year + (quarter ? '&quarter=' + quarter : '');
    downloads.innerHTML = 'Download: <a href="' + esc(csv) + '">CSV</a> <a href="' + esc(url(region, chosen, false)) + '">JSON</a>';
    say('Loading…', false);
    charts.setAttribute('aria-busy', 'true');
    Promise.all([get(url(region, chosen, !!token), token)].concat(periods.map(function (p) { return get(url(region, p, false), token); }))).then(function (answers) {
      var main = answers[0];
      charts.removeAttribute('aria-busy');
      if (!main.ok) { charts.innerHTML = ''; say(problems(main.body) || 'The hub answered ' + main.status, true); return; }
      draw(main.body, answers.slice(1), periods, token);
      var notes = [problems(main.body)].concat(answers.slice(1).filter(function (a) { return !a.ok; }).slice(0, 1).map(function (a) { return 'Trend: ' + problems(a.body); })).filter(Boolean);
      say(notes.length ? notes.join(' ') : main.body.region.name + ', ' + main.body.period + ': hatched bars are suppressed values (too few people to publish).', notes.length > 0);
      charts.setAttribute('data-drawn', main.body.period);
    }, function () { charts.removeAttribute('aria-busy'); say('The hub did not answer: try again.', true); });
  });
})();`;
