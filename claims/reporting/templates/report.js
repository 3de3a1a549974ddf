/* claims review report: the interactive views.
 *
 * Inlined by claims/reporting/render.py after the JSON block #report-view, the
 * view model's script data (claims/reporting/view.py, ReportView.script_data).
 * Reads only that JSON and the page; loads nothing. It displays what Python
 * decided and computes no label, rank, link or confidence: the page is rendered
 * by the template, and this script hides, orders and pages it, keeps the
 * reviewer's decisions and writes the exports. Text only ever reaches the page
 * as text nodes (textContent / append of strings), never as HTML.
 *
 * Views: tabs (findings, overview, pairs, clusters, sources) routed by the URL
 * hash; the pair list with filters, sorting and paging (PAGE cards shown at a
 * time); keyboard review (j/k, c/d/f/u, v/e/n, a/b, /, ?); decisions on findings
 * kept in localStorage under "claims-findings" by finding key, on pairs under
 * "claims-review:<report_id>"; exports as JSON, CSV and schema.org ClaimReview
 * JSON-LD through Blob download links.
 */
(function () {
  'use strict';

  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');
  var t0 = performance.now();

  var TABS = ['findings', 'overview', 'flags', 'clusters', 'sources'];
  var PAGE = 40;

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = String(v);
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    if (children) {
      children.forEach(function (c) {
        if (c !== null && c !== undefined && c !== false) node.append(c); // strings become text nodes
      });
    }
    return node;
  }

  function showNotice(text) {
    var n = $('storage-notice');
    if (!n) return;
    n.textContent = text;
    n.hidden = false;
  }

  var view;
  try {
    view = JSON.parse($('report-view').textContent);
  } catch (err) {
    showNotice('The report data could not be read (' + err.message + '); only the static report is shown.');
    root.classList.remove('js');
    root.classList.add('no-js');
    return;
  }

  // ---- decisions: codes, labels and keys as the view names them (claims/reviews.py) ----

  var DECISIONS = [], DECISION_LABELS = {}, KEY_DECISION = { u: '' };
  view.decisions.forEach(function (d) {
    DECISIONS.push(d.code);
    DECISION_LABELS[d.code] = d.label;
    if (d.key) KEY_DECISION[d.key] = d.code;
  });
  function decisionLabel(decision) { return DECISION_LABELS[decision] || view.undecided_label; }

  // An address the reviewer types for a ClaimReview counts by the pattern the report's own
  // links were chosen by (view.py web_link), sent with the view: no second copy of the rule.
  var WEB_ADDRESS = new RegExp('^(?:' + view.web_address + ')$', 'i');
  function typedWebAddress(input) {
    var text = input.trim();
    return WEB_ADDRESS.test(text) ? text : '';
  }

  // ---- the pairs: ranked by the view (flags[i].rank is i + 1), their cards rendered by the template ----

  var flags = view.flags;
  var claimById = view.claims, docById = view.documents;  // the claims pairs and findings name, by id
  var byDoc = flags.slice().sort(function (x, y) { return x.doc_rank - y.doc_rank; });
  var flagById = new Map(), items = new Map();
  flags.forEach(function (x) { x.hay = x.search.toLowerCase(); flagById.set(x.id, x); });
  document.querySelectorAll('#flag-list > li > article.flag[data-id]').forEach(function (card) {
    items.set(card.getAttribute('data-id'), card.parentNode);
  });

  // ---- decisions and storage -----------------------------------------------------

  var storageKey = 'claims-review:' + (view.report_id || 'unknown');
  var storage = (function () {
    try {
      var ls = window.localStorage, probe = '__claims_probe__';
      ls.setItem(probe, probe);
      ls.removeItem(probe);
      return ls;
    } catch (err) {
      return null;
    }
  })();
  var state = { decisions: new Map(), org: '' };

  function cleanReview(r) {
    return {
      decision: DECISIONS.indexOf(r && r.decision) >= 0 ? r.decision : '',
      note: r && typeof r.note === 'string' ? r.note : '',
      time: r && typeof r.time === 'string' ? r.time : ''
    };
  }

  flags.forEach(function (x) { if (x.review) state.decisions.set(x.id, cleanReview(x.review)); });
  if (storage) {
    try {
      var saved = JSON.parse(storage.getItem(storageKey) || 'null');
      if (saved && saved.decisions && typeof saved.decisions === 'object') {
        Object.keys(saved.decisions).forEach(function (id) {
          if (flagById.has(id)) state.decisions.set(id, cleanReview(saved.decisions[id]));
        });
      }
      if (saved && typeof saved.org === 'string') state.org = saved.org;
    } catch (err) { /* a damaged entry: start from the report's own decisions */ }
  } else {
    showNotice('This browser does not let the report save decisions (storage is unavailable for this file), ' +
      'so they are lost when the page closes: export them before closing.');
  }

  var saveWarned = false;
  function persist() {
    if (!storage) return;
    var out = {};
    state.decisions.forEach(function (r, id) { if (r.decision || r.note) out[id] = r; });
    try {
      storage.setItem(storageKey, JSON.stringify({ v: 1, saved: new Date().toISOString(), decisions: out, org: state.org }));
    } catch (err) {
      if (!saveWarned) showNotice('Decisions could not be saved in this browser (' + err.name + '): export them before closing.');
      saveWarned = true;
    }
  }

  function review(id) { return state.decisions.get(id) || { decision: '', note: '', time: '' }; }
  function decisionOf(id) { var r = state.decisions.get(id); return r ? r.decision : ''; }

  // ---- tabs and routing ----------------------------------------------------------

  var panels = {};
  document.querySelectorAll('[data-panel]').forEach(function (p) { panels[p.getAttribute('data-panel')] = p; });
  var tabLinks = document.querySelectorAll('.tabs a[data-tab]');
  var activeTab = '';
  var HOME = view.home;

  var scrollPos = {};

  function showTab(name) {
    if (activeTab !== name) scrollPos[activeTab] = window.scrollY;
    activeTab = name;
    Object.keys(panels).forEach(function (k) {
      if (k === name) panels[k].setAttribute('data-active', '');
      else panels[k].removeAttribute('data-active');
    });
    tabLinks.forEach(function (a) {
      if (a.getAttribute('data-tab') === name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    if (name === 'sources' && !shownDoc && sourceSelect && sourceSelect.value) showDoc(sourceSelect.value);
  }

  function navigate(hash) {
    if (location.hash !== hash) {
      try { history.pushState(null, '', hash); } catch (err) { /* some file:// setups refuse; routing still works */ }
    }
    route(hash);
  }

  function route(hash) {
    var id = '';
    try { id = decodeURIComponent((hash || '').replace(/^#/, '')); } catch (err) { id = ''; }
    if (!id || panels[id]) {
      var tab = id || HOME;
      var again = tab === activeTab;
      showTab(tab);
      window.scrollTo(0, again ? 0 : scrollPos[tab] || 0);
    } else if (id.indexOf('claim-') === 0) {
      openClaim(id.slice(6));
    } else if (id.indexOf('doc-') === 0 && $(id)) {
      showTab('sources');
      showDoc(id.slice(4));
      window.scrollTo(0, 0);
    } else if (id.indexOf('cluster-') === 0 && $(id)) {
      showTab('clusters');
      var c = $(id);
      document.querySelectorAll('.cluster.target').forEach(function (n) { n.classList.remove('target'); });
      c.classList.add('target');
      c.scrollIntoView({ block: 'start' });
    } else if (id.indexOf('flag-') === 0 && flagById.has(id.slice(5))) {
      focusFlag(id.slice(5));
    } else if (id.indexOf('finding-') === 0 && findingCards.has(id.slice(8))) {
      showTab('findings');
      setCurrentFinding(findingOrder.indexOf(id.slice(8)));
    } else {
      showTab(HOME);
    }
  }

  var fromFlag = null;
  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target.closest && e.target.closest('a[href^="#"]');
    if (!a) return;
    var hash = a.getAttribute('href');
    if (hash === '#main' || hash === '#') return;
    var card = a.closest('.flag[data-id]');
    fromFlag = card ? card.getAttribute('data-id') : null;
    e.preventDefault();
    navigate(hash);
  });
  window.addEventListener('popstate', function () { route(location.hash); });

  // ---- sources -------------------------------------------------------------------

  var sourceSelect = $('source-select');
  var backLink = $('back-link');
  var shownDoc = null;
  var targetClaim = null;

  function showDoc(docId) {
    shownDoc = docId;
    document.querySelectorAll('article.source').forEach(function (a) { a.hidden = a.getAttribute('data-doc') !== docId; });
    if (sourceSelect) sourceSelect.value = docId;
  }

  function openClaim(claimId) {
    var span = $('claim-' + claimId);
    if (!span) return;
    var art = span.closest('article.source');
    showTab('sources');
    showDoc(art.getAttribute('data-doc'));
    if (targetClaim) targetClaim.classList.remove('target');
    span.classList.add('target');
    targetClaim = span;
    if (backLink) {
      backLink.hidden = !fromFlag;
      if (fromFlag) backLink.setAttribute('href', '#flag-' + fromFlag);
    }
    span.scrollIntoView({ block: 'center' });
    span.focus({ preventScroll: true });
  }

  if (sourceSelect) {
    sourceSelect.addEventListener('change', function () {
      fromFlag = null;
      navigate('#doc-' + sourceSelect.value);
    });
  }

  // ---- pair list: the template's cards, hidden, ordered and shown a page at a time here ----

  var ui = {
    form: $('filters'), search: $('f-search'), kinds: $('f-kinds'), doc: $('f-doc'), score: $('f-score'),
    scoreOut: $('f-score-value'), status: $('f-status'), sort: $('f-sort'), list: $('flag-list'),
    more: $('more'), count: $('result-count'), progress: $('progress')
  };
  var kindsPresent = [], kindCounts = Object.create(null);  // the kind filters, as the template lists them
  ui.kinds.querySelectorAll('label').forEach(function (label) {
    var kind = label.querySelector('input').value;
    kindsPresent.push(kind);
    kindCounts[kind] = label.querySelector('.n');
  });
  var filters = { q: [], kinds: new Set(kindsPresent), doc: '', min: 0, status: '', sort: 'score' };
  var visible = [];
  var rendered = 0;  // visible[0 .. rendered - 1] are shown
  var shownItems = Array.from(items.values());  // the list items not hidden: as the template wrote it, all
  var current = -1;
  var cards = new Map(); // flag id -> card element, for those given their review controls
  var listOrder = 'score';  // the order the list's items are in on the page

  function readFilters() {
    filters.q = ui.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    filters.kinds = new Set(Array.prototype.filter.call(ui.kinds.querySelectorAll('input'), function (b) { return b.checked; })
      .map(function (b) { return b.value; }));
    filters.doc = ui.doc.value;
    filters.min = Number(ui.score.value) || 0;
    filters.status = ui.status.value;
    filters.sort = ui.sort.value;
    ui.scoreOut.textContent = filters.min.toFixed(2);
  }

  function matchesExceptKind(x) {
    if (filters.doc && x.docs[0] !== filters.doc && x.docs[1] !== filters.doc) return false;
    if (x.score < filters.min - 1e-9) return false;
    if (filters.status) {
      var d = decisionOf(x.id);
      if (filters.status === 'open' ? d : filters.status === 'new' ? !x['new'] : d !== filters.status) return false;
    }
    if (filters.q.length) {
      var note = review(x.id).note.toLowerCase();
      for (var i = 0; i < filters.q.length; i++) {
        if (x.hay.indexOf(filters.q[i]) < 0 && note.indexOf(filters.q[i]) < 0) return false;
      }
    }
    return true;
  }

  function applyFilters(keepId) {
    var t = performance.now();
    readFilters();
    var counts = Object.create(null);
    kindsPresent.forEach(function (k) { counts[k] = 0; });
    var source = filters.sort === 'doc' ? byDoc : flags;
    visible = [];
    for (var i = 0; i < source.length; i++) {
      var x = source[i];
      if (!matchesExceptKind(x)) continue;
      counts[x.kind] += 1;
      if (filters.kinds.has(x.kind)) visible.push(x);
    }
    kindsPresent.forEach(function (k) { kindCounts[k].textContent = String(counts[k]); });
    ui.count.textContent = '';
    if (visible.length === flags.length) {
      ui.count.append('Showing all ', el('strong', { text: String(flags.length) }), flags.length === 1 ? ' flag' : ' flags');
    } else {
      ui.count.append('Showing ', el('strong', { text: String(visible.length) }), ' of ' + flags.length + ' flags');
    }
    if (listOrder !== filters.sort) {
      // the items in the chosen order (visible is a part of it, in order), in one call: Chromium
      // took seconds to move 2,000 cards one at a time
      ui.list.replaceChildren.apply(ui.list, source.map(function (x) { return items.get(x.id); }));
      listOrder = filters.sort;
    }
    shownItems.forEach(function (li) { li.hidden = true; });
    shownItems = [];
    ui.list.querySelectorAll('.flag.current').forEach(function (c) { c.classList.remove('current'); });
    ui.list.querySelectorAll('li.empty').forEach(function (li) { li.remove(); });
    rendered = 0;
    current = -1;
    if (!visible.length) {
      var reset = el('button', { type: 'button', class: 'secondary', text: 'Reset filters' });
      reset.addEventListener('click', resetFilters);
      ui.list.append(el('li', { class: 'empty' }, ['No flags match these filters. ', reset]));
    }
    renderMore();
    if (keepId) {
      var idx = visible.findIndex(function (v) { return v.id === keepId; });
      if (idx >= 0) setCurrent(idx, { scroll: false, focus: false });
    }
    report.lastFilterMs = performance.now() - t;
  }

  function resetFilters() {
    ui.form.reset();
    applyFilters();
  }

  function renderMore(upto) {
    var stop = Math.min(visible.length, Math.max(upto != null ? upto + 1 : 0, rendered + PAGE));
    for (; rendered < stop; rendered++) {
      reviewable(visible[rendered]);
      var li = items.get(visible[rendered].id);
      li.hidden = false;
      shownItems.push(li);
    }
    var left = visible.length - rendered;
    ui.more.hidden = left <= 0;
    ui.more.textContent = 'Show ' + Math.min(PAGE, left) + ' more (' + left + ' not shown)';
  }

  // A pair's card as the template rendered it, given the review controls (#pair-review) the
  // first time it is shown: 2,000 cards with a form each would be slow to open.
  var reviewControls = $('pair-review');
  function reviewable(x) {
    if (cards.has(x.id)) return cards.get(x.id);
    var card = items.get(x.id).querySelector('article.flag');
    var slot = card.querySelector('[data-review-slot]');
    slot.append(reviewControls.content.cloneNode(true));
    slot.querySelectorAll('button[data-decision]').forEach(function (b) {
      var d = b.getAttribute('data-decision');
      b.addEventListener('click', function () {
        setCurrentById(x.id);
        setDecision(x.id, decisionOf(x.id) === d ? '' : d);
      });
    });
    var note = slot.querySelector('textarea');
    note.id = 'note-' + x.id;
    slot.querySelector('.note-field label').setAttribute('for', note.id);
    note.value = review(x.id).note;
    note.addEventListener('input', function () { setNote(x.id, note.value); });
    card.addEventListener('focusin', function () { setCurrentById(x.id); });
    card.addEventListener('click', function (e) {
      if (!e.target.closest('a, button, textarea, input')) setCurrentById(x.id);
    });
    cards.set(x.id, card);
    updateCard(x.id);
    return card;
  }

  function setCurrent(i, opts) {
    opts = opts || {};
    if (i < 0 || i >= visible.length) return;
    if (i >= rendered) renderMore(i);
    var prev = current >= 0 && visible[current] ? cards.get(visible[current].id) : null;
    if (prev) prev.classList.remove('current');
    current = i;
    var card = cards.get(visible[i].id);
    if (!card) return;
    card.classList.add('current');
    if (opts.focus !== false) card.focus({ preventScroll: true });
    if (opts.scroll !== false) card.scrollIntoView({ block: opts.block || 'nearest' });
  }

  function setCurrentById(id) {
    var i = visible.findIndex(function (v) { return v.id === id; });
    if (i >= 0 && i !== current) setCurrent(i, { scroll: false, focus: false });
  }

  function focusFlag(id) {
    showTab('flags');
    var i = visible.findIndex(function (v) { return v.id === id; });
    if (i < 0) {
      resetFilters();
      i = visible.findIndex(function (v) { return v.id === id; });
    }
    if (i >= 0) setCurrent(i, { block: 'start' });
  }

  // the card shows this browser's decision (the badge also on a card not shown yet, for printing)
  function updateCard(id) {
    var r = review(id);
    var badge = items.get(id).querySelector('[data-decision-badge]');
    badge.className = 'badge decision decision-' + (r.decision || 'open');
    badge.textContent = decisionLabel(r.decision);
    var card = cards.get(id);
    if (!card) return;
    card.querySelectorAll('.decisions button').forEach(function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-decision') === r.decision ? 'true' : 'false');
    });
    card.querySelector('.review-time').textContent = r.time ? 'reviewed ' + r.time.replace('T', ' ').slice(0, 16) : '';
  }

  function setDecision(id, decision) {
    var r = review(id);
    state.decisions.set(id, { decision: decision, note: r.note, time: new Date().toISOString() });
    persist();
    updateCard(id);
    updateProgress();
  }

  function setNote(id, text) {
    var r = review(id);
    state.decisions.set(id, { decision: r.decision, note: text, time: new Date().toISOString() });
    persist();
  }

  function updateProgress() {
    var n = { confirmed: 0, dismissed: 0, 'follow-up': 0 }, done = 0;
    if (findingCards && findingCards.size) {  // findings are what gets reviewed; pairs only without them
      findingCards.forEach(function (c, id) {
        var d = verdict(id).decision;
        if (d) { n[d] += 1; done += 1; }
      });
      ui.progress.textContent = '';
      ui.progress.append('Reviewed ', el('strong', { text: done + ' of ' + findingCards.size + ' findings' }),
        ' · ' + n.confirmed + ' confirmed · ' + n.dismissed + ' not · ' + n['follow-up'] + ' follow-up');
      report.reviewed = done;
      return;
    }
    flags.forEach(function (x) {
      var d = decisionOf(x.id);
      if (d) { n[d] += 1; done += 1; }
    });
    var nNew = flags.filter(function (x) { return x['new']; }).length;
    ui.progress.textContent = '';
    ui.progress.append('Reviewed ', el('strong', { text: done + ' of ' + flags.length }),
      ' · ' + n.confirmed + ' confirmed · ' + n.dismissed + ' dismissed · ' + n['follow-up'] + ' follow-up' +
      (nNew ? ' · ' + nNew + ' new' : ''));
    report.reviewed = done;
  }

  // ---- findings: one card per disputed fact (rendered by the template), reviewed here ----
  //
  // Decisions are keyed by the finding's id, which is what the fact is and its values (see
  // claims/findings.py), and kept in one store for every report: the same conflict in another
  // report, or this one run again from another folder, shows the decision made here.

  var FINDINGS_KEY = 'claims-findings';
  var findingData = new Map();
  view.findings.forEach(function (x) { findingData.set(x.id, x); });
  var findingCards = new Map();
  var findingOrder = [];
  document.querySelectorAll('.finding[data-finding]').forEach(function (card) {
    var id = card.getAttribute('data-finding');
    if (!findingData.has(id)) return;
    findingCards.set(id, card);
    findingOrder.push(id);
  });
  var findingState = new Map();
  var publisher = { org: '', org_url: '', review_url: '' };

  function cleanVerdict(r, x) {
    var values = (x.values || []).map(function (v) { return v.value; });
    return {
      decision: DECISIONS.indexOf(r && r.decision) >= 0 ? r.decision : '',
      right_value: r && values.indexOf(r.right_value) >= 0 ? r.right_value : '',
      public: r && typeof r.public === 'string' ? r.public : '',
      note: r && typeof r.note === 'string' ? r.note : '',
      time: r && typeof r.time === 'string' ? r.time : ''
    };
  }
  function decided(r) { return !!(r && (r.decision || r.note || r.public || r.right_value)); }

  findingData.forEach(function (x, id) { if (x.review) findingState.set(id, cleanVerdict(x.review, x)); });
  var findingStore = null;
  if (storage) {
    try { findingStore = JSON.parse(storage.getItem(FINDINGS_KEY) || 'null'); } catch (err) { findingStore = null; }
    if (!findingStore || typeof findingStore !== 'object' || typeof findingStore.decisions !== 'object') {
      findingStore = { v: 1, decisions: {}, publisher: {} };
    }
    Object.keys(findingStore.decisions).forEach(function (id) {
      var x = findingData.get(id);
      if (!x) return;
      var saved = cleanVerdict(findingStore.decisions[id], x), carried = findingState.get(id);
      if (!carried || (saved.time || '') >= (carried.time || '')) findingState.set(id, saved);  // the newer wins
    });
    ['org', 'org_url', 'review_url'].forEach(function (k) {
      if (findingStore.publisher && typeof findingStore.publisher[k] === 'string') publisher[k] = findingStore.publisher[k];
    });
  }

  function persistFindings() {
    if (!storage || !findingStore) return;
    findingState.forEach(function (r, id) {
      if (decided(r)) findingStore.decisions[id] = r;
      else delete findingStore.decisions[id];
    });
    findingStore.publisher = publisher;
    try {
      storage.setItem(FINDINGS_KEY, JSON.stringify(findingStore));
    } catch (err) {
      if (!saveWarned) showNotice('Decisions could not be saved in this browser (' + err.name + '): export them before closing.');
      saveWarned = true;
    }
  }

  function verdict(id) { return findingState.get(id) || { decision: '', right_value: '', public: '', note: '', time: '' }; }

  function setVerdict(id, change) {
    var r = Object.assign({}, verdict(id), change, { time: new Date().toISOString() });
    findingState.set(id, r);
    persistFindings();
    paintFinding(id);
    updateFindingsProgress();
  }

  // One verdict form for the whole list (2,000 cards with a form each took a minute to open):
  // it moves into the finding being reviewed.
  var verdictTemplate = $('verdict-form');
  var verdictForm = verdictTemplate ? verdictTemplate.content.firstElementChild.cloneNode(true) : null;
  var formFor = null;

  function paintFinding(id) {
    var card = findingCards.get(id), r = verdict(id);
    if (!card) return;
    var badge = card.querySelector('[data-decision-badge]');
    badge.textContent = decisionLabel(r.decision);
    badge.className = 'badge decision decision-' + (r.decision || 'open');
    card.setAttribute('data-decision', r.decision || 'open');
    card.querySelectorAll('.value-row').forEach(function (row) {
      row.classList.toggle('right', !!r.right_value && row.getAttribute('data-value') === r.right_value);
      row.classList.toggle('wrong', !!r.right_value && r.decision === 'confirmed' && row.getAttribute('data-value') !== r.right_value);
    });
    if (formFor === id) paintForm(id);
  }

  function paintForm(id) {
    var r = verdict(id), x = findingData.get(id);
    verdictForm.querySelectorAll('button[data-decision]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-decision') === r.decision));
    });
    verdictForm.querySelectorAll('[data-field]').forEach(function (f) {
      var v = r[f.getAttribute('data-field')] || '';
      if (f.value !== v && document.activeElement !== f) f.value = v;
    });
    var hint = verdictForm.querySelector('[data-claimreview-hint]');
    var missing = wrongSources(x, r).filter(function (w) { return !w.doc.link; });
    hint.hidden = !missing.length;
    hint.textContent = missing.length ? 'No web address for ' + missing.map(function (w) { return w.doc.short_name; })
      .filter(function (v, i, a) { return a.indexOf(v) === i; }).join(', ') +
      ': its ClaimReview names no appearance of the claim.' : '';
  }

  function attachForm(id) {
    if (!verdictForm || formFor === id) return;
    var card = findingCards.get(id), x = findingData.get(id);
    var select = verdictForm.querySelector('[data-field="right_value"]');
    while (select.options.length > 1) select.remove(1);
    x.values.forEach(function (v) { select.append(el('option', { value: v.value, text: v.shown })); });
    formFor = id;
    verdictForm.setAttribute('aria-label', 'Verdict on finding #' + x.rank);
    card.querySelector('[data-verdict-slot]').append(verdictForm);
    paintForm(id);
  }

  if (verdictForm) {
    verdictForm.addEventListener('submit', function (e) { e.preventDefault(); });
    verdictForm.querySelectorAll('button[data-decision]').forEach(function (b) {
      b.addEventListener('click', function () {
        var d = b.getAttribute('data-decision');
        if (formFor) setVerdict(formFor, { decision: verdict(formFor).decision === d ? '' : d });
      });
    });
    verdictForm.querySelectorAll('[data-field]').forEach(function (f) {
      f.addEventListener(f.tagName === 'SELECT' ? 'change' : 'input', function () {
        if (!formFor) return;
        var change = {};
        change[f.getAttribute('data-field')] = f.value;
        setVerdict(formFor, change);
      });
    });
  }

  var currentFinding = -1;
  function setCurrentFinding(i) {
    if (!findingOrder.length) return;
    currentFinding = Math.max(0, Math.min(findingOrder.length - 1, i));
    var visibleIds = findingOrder.filter(function (id) { return !findingCards.get(id).parentNode.hidden; });
    var id = findingOrder[currentFinding];
    if (findingCards.get(id).parentNode.hidden && visibleIds.length) {
      id = visibleIds[0];
      currentFinding = findingOrder.indexOf(id);
    }
    findingCards.forEach(function (c, cid) { c.classList.toggle('current', cid === id); });
    attachForm(id);
    var card = findingCards.get(id);
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'start' });
  }
  function moveFinding(delta) {
    var ids = findingOrder.filter(function (id) { return !findingCards.get(id).parentNode.hidden; });
    if (!ids.length) return;
    var at = ids.indexOf(findingOrder[currentFinding]);
    var next = at < 0 ? 0 : Math.max(0, Math.min(ids.length - 1, at + delta));
    setCurrentFinding(findingOrder.indexOf(ids[next]));
  }

  function findingKey(key) {
    var id = currentFinding >= 0 ? findingOrder[currentFinding] : null;
    var card = id ? findingCards.get(id) : null;
    if (key === 'j') { moveFinding(1); return true; }
    if (key === 'k') { moveFinding(-1); return true; }
    if (!card) return false;
    if (Object.prototype.hasOwnProperty.call(KEY_DECISION, key)) { setVerdict(id, { decision: KEY_DECISION[key] }); return true; }
    var field = { v: 'right_value', e: 'public', n: 'note' }[key];
    if (field && verdictForm) { attachForm(id); verdictForm.querySelector('[data-field="' + field + '"]').focus(); return true; }
    return false;
  }

  findingCards.forEach(function (card, id) {
    card.addEventListener('focusin', function () {
      currentFinding = findingOrder.indexOf(id);
      findingCards.forEach(function (c, cid) { c.classList.toggle('current', cid === id); });
      attachForm(id);
    });
    card.addEventListener('click', function (e) {
      if (e.target.closest && e.target.closest('a, button, select, textarea, input, summary')) return;
      currentFinding = findingOrder.indexOf(id);
      findingCards.forEach(function (c, cid) { c.classList.toggle('current', cid === id); });
      attachForm(id);
    });
    if (findingState.has(id)) paintFinding(id);
  });
  if (findingOrder.length) attachForm(findingOrder[0]);

  var findingsStatus = $('findings-status'), findingsCount = $('findings-count');
  function filterFindings() {
    var want = findingsStatus ? findingsStatus.value : '', shown = 0;
    findingCards.forEach(function (card, id) {
      var d = verdict(id).decision, x = findingData.get(id);
      var ok = !want || (want === 'open' ? !d : want === 'new' ? !!x['new'] : d === want);
      card.parentNode.hidden = !ok;
      if (ok) shown += 1;
    });
    if (findingsCount) findingsCount.textContent = shown + ' of ' + findingCards.size + ' findings';
  }
  if (findingsStatus) findingsStatus.addEventListener('change', filterFindings);

  function updateFindingsProgress() {
    var done = 0;
    findingCards.forEach(function (c, id) { if (verdict(id).decision) done += 1; });
    report.reviewedFindings = done;
    updateProgress();
    if (findingsCount && findingsStatus && !findingsStatus.value) {
      findingsCount.textContent = findingCards.size + ' findings · ' + done + ' decided';
    }
  }

  // ---- findings export: decisions (for --reviews) and ClaimReview --------------------

  function findingRows() {
    var rows = [];
    findingData.forEach(function (x, id) {  // every finding: one not decided was still seen (not NEW next run)
      var r = verdict(id);
      rows.push({
        finding: id, kind: x.kind, subject: x.subject, label: x.label,
        values: x.values.map(function (v) { return v.value; }),
        decision: r.decision, right_value: r.right_value, public: r.public, note: r.note, time: r.time
      });
    });
    return rows;
  }

  // the claims a confirmed verdict rates wrong: every source of a value other than the right one
  function wrongSources(x, r) {
    if (!x || r.decision !== 'confirmed' || !r.right_value) return [];
    var out = [];
    x.values.forEach(function (v) {
      if (v.value === r.right_value) return;
      v.sources.forEach(function (claimId) {
        var claim = claimById[claimId];
        out.push({ claim: claim, doc: docById[claim.doc], value: v });
      });
    });
    return out;
  }

  function exportClaimReview() {
    var org = publisher.org.trim(), reviewUrl = typedWebAddress(publisher.review_url);
    if (!org || !reviewUrl) {
      showNotice('ClaimReview needs your organisation and the web address of your fact-check (Publish, above the findings).');
      return;
    }
    var author = { '@type': 'Organization', name: org };
    if (typedWebAddress(publisher.org_url)) author.url = typedWebAddress(publisher.org_url);
    var reviews = [];
    findingData.forEach(function (x, id) {
      var r = verdict(id);
      var right = x.values.filter(function (v) { return v.value === r.right_value; })[0];
      wrongSources(x, r).forEach(function (w) {
        var d = w.doc, item = { '@type': 'Claim' };
        if (d.link) item.appearance = [{ '@type': 'CreativeWork', url: d.link }];
        if (d.outlet) item.author = { '@type': 'Organization', name: d.outlet };
        if (d.date) item.datePublished = d.date;
        reviews.push({
          '@context': 'https://schema.org',
          '@type': 'ClaimReview',
          url: reviewUrl,
          claimReviewed: w.claim.text,
          itemReviewed: item,
          author: author,
          datePublished: (r.time || new Date().toISOString()).slice(0, 10),
          reviewRating: {
            '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1,
            alternateName: 'Incorrect: ' + (right ? right.shown : r.right_value)
          },
          reviewBody: r.public || (x.label + ': ' + (right ? right.shown : r.right_value) + ', not ' + w.value.shown + '.')
        });
      });
    });
    if (!reviews.length) {
      showNotice('No ClaimReview to export: confirm a finding and choose its right value first.');
      return;
    }
    download(view.export_stem + '-claimreview.jsonld', 'application/ld+json', JSON.stringify(reviews, null, 2) + '\n');
  }

  [['org-name', 'org'], ['org-url', 'org_url'], ['review-url', 'review_url']].forEach(function (pair) {
    var input = $(pair[0]);
    if (!input) return;
    input.value = publisher[pair[1]];
    input.addEventListener('input', function () { publisher[pair[1]] = input.value; persistFindings(); });
  });

  // ---- keyboard ------------------------------------------------------------------

  var help = $('help');
  function toggleHelp() {
    if (!help || typeof help.showModal !== 'function') return;
    if (help.open) help.close();
    else help.showModal();
  }
  $('help-button').addEventListener('click', toggleHelp);

  function isTyping(t) {
    if (!t || !t.tagName) return false;
    if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
    return t.tagName === 'INPUT' && ['checkbox', 'radio', 'range', 'button', 'submit', 'reset'].indexOf(t.type) < 0;
  }

  function move(delta) {
    if (activeTab !== 'flags') { navigate('#flags'); }
    if (!visible.length) return;
    setCurrent(current < 0 ? 0 : Math.max(0, Math.min(visible.length - 1, current + delta)));
  }

  function currentFlag() {
    return activeTab === 'flags' && current >= 0 ? visible[current] : null;
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    var t = e.target;
    if (isTyping(t)) {
      if (e.key === 'Escape') {
        t.blur();
        var card = t.closest && t.closest('.finding');
        if (card) { card.focus({ preventScroll: true }); e.preventDefault(); return; }
        var c = currentFlag();
        if (c && cards.get(c.id)) cards.get(c.id).focus({ preventScroll: true });
        e.preventDefault();
      }
      return;
    }
    if (help && help.open && e.key !== '?') return;
    if (activeTab === 'findings' && findingKey(e.key)) { e.preventDefault(); return; }
    var x = currentFlag();
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'c': case 'd': case 'f': case 'u':
        if (!x) return;
        setDecision(x.id, KEY_DECISION[e.key]);
        break;
      case 'n':
        if (!x || !cards.get(x.id)) return;
        cards.get(x.id).querySelector('textarea').focus();
        break;
      case 'a': case 'b':
        if (!x) return;
        fromFlag = x.id;
        navigate('#claim-' + x.claims[e.key === 'a' ? 0 : 1]);
        break;
      case '/':
        if (activeTab !== 'flags') navigate('#flags');
        ui.search.focus();
        ui.search.select();
        break;
      case '?': toggleHelp(); break;
      case '1': case '2': case '3': case '4': case '5':
        navigate('#' + TABS[Number(e.key) - 1]);
        break;
      default: return;
    }
    e.preventDefault();
  });

  // ---- filters wiring ------------------------------------------------------------

  var searchTimer = null;
  ui.search.addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { applyFilters(); }, 120);
  });
  [ui.doc, ui.status, ui.sort].forEach(function (s) { s.addEventListener('change', function () { applyFilters(); }); });
  ui.kinds.addEventListener('change', function () { applyFilters(); });
  ui.score.addEventListener('input', function () { applyFilters(); });
  ui.form.addEventListener('submit', function (e) { e.preventDefault(); applyFilters(); });
  ui.form.addEventListener('reset', function () { setTimeout(function () { applyFilters(); }, 0); });
  if (ui.more) ui.more.addEventListener('click', function () { renderMore(); });
  if (ui.more && 'IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (en) { return en.isIntersecting; }) && !ui.more.hidden) renderMore();
    }, { rootMargin: '400px' }).observe(ui.more);
  }

  // ---- export --------------------------------------------------------------------

  function sideOut(claimId) {
    var c = claimById[claimId], d = docById[c.doc];
    return { claim: claimId, document: d.name, path: d.path, start: c.start, end: c.end, text: c.text };
  }

  function decisionRows() {  // every pair, highest score first
    return flags.map(function (x) {
      var r = review(x.id);
      return {
        flag_id: x.id, kind: x.kind, score: x.score, decision: r.decision, note: r.note, time: r.time,
        'new': x['new'], explanation: x.explanation, a: sideOut(x.claims[0]), b: sideOut(x.claims[1])
      };
    });
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function exportJson() {
    var out = {
      schema: view.reviews_schema, report_id: view.report_id, exported: new Date().toISOString(),
      generator: view.generator, reviews: findingRows().concat(decisionRows())
    };
    download(view.export_stem + '-decisions.json', 'application/json', JSON.stringify(out, null, 2) + '\n');
  }

  var CSV_COLUMNS = ['flag_id', 'kind', 'score', 'decision', 'note', 'time', 'a_document', 'a_path', 'a_start', 'a_end',
    'a_text', 'b_document', 'b_path', 'b_start', 'b_end', 'b_text', 'explanation'];
  var CSV_TEXT = new Set(['note', 'a_document', 'a_path', 'a_text', 'b_document', 'b_path', 'b_text', 'explanation']);

  function csvCell(col, v) {
    var s = v === null || v === undefined ? '' : String(v);
    // a spreadsheet would run a text cell that starts like a formula: make it text
    if (CSV_TEXT.has(col) && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function exportCsv() {
    var lines = [CSV_COLUMNS.join(',')];
    decisionRows().forEach(function (r) {
      var flat = { flag_id: r.flag_id, kind: r.kind, score: r.score, decision: r.decision, note: r.note, time: r.time,
        explanation: r.explanation };
      ['a', 'b'].forEach(function (k) {
        flat[k + '_document'] = r[k].document; flat[k + '_path'] = r[k].path; flat[k + '_start'] = r[k].start;
        flat[k + '_end'] = r[k].end; flat[k + '_text'] = r[k].text;
      });
      lines.push(CSV_COLUMNS.map(function (c) { return csvCell(c, flat[c]); }).join(','));
    });
    download(view.export_stem + '-decisions.csv', 'text/csv;charset=utf-8', '\ufeff' + lines.join('\r\n') + '\r\n');
  }

  $('export-json').addEventListener('click', exportJson);
  if ($('export-findings-json')) $('export-findings-json').addEventListener('click', exportJson);
  if ($('export-claimreview')) $('export-claimreview').addEventListener('click', exportClaimReview);
  $('export-csv').addEventListener('click', exportCsv);

  // ---- start ---------------------------------------------------------------------

  var report = window.__claimsReport = { ready: false, flags: flags.length, reviewed: 0, lastFilterMs: 0, initMs: 0 };
  if (flags.length) applyFilters();  // with none, the template says so and shows no filters
  flags.forEach(function (x) { if (state.decisions.has(x.id)) updateCard(x.id); });
  updateProgress();
  updateFindingsProgress();
  route(location.hash);
  report.initMs = performance.now() - t0;
  report.ready = true;
  root.setAttribute('data-ready', 'true');
})();
