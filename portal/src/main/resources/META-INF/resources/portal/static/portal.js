// Progressive enhancement only: every form works without this file.
(function () {
  'use strict';
  var USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  // GB 32100-2015: 18 characters of the 31 allowed, the last a check character
  function usccProblem(v) {
    if (!v) return '';
    v = v.toUpperCase();
    if (v.length !== 18) return '统一社会信用代码应为 18 位（现为 ' + v.length + ' 位）';
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      var n = USCC_CHARS.indexOf(v.charAt(i));
      if (n < 0) return '第 ' + (i + 1) + ' 位“' + v.charAt(i) + '”不是有效字符（不使用 I、O、S、V、Z）';
      sum += n * USCC_WEIGHTS[i];
    }
    var check = USCC_CHARS.charAt((31 - sum % 31) % 31);
    return v.charAt(17) === check ? '' : '校验码不符：末位应为 ' + check;
  }

  // GB 11643-1999: 17 digits, a valid birth date, ISO 7064 MOD 11-2 check character
  function citizenIdProblem(v) {
    if (!v) return '';
    v = v.toUpperCase();
    if (!/^\d{17}[\dX]$/.test(v)) return '身份证号应为 18 位（末位可为 X）';
    var w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], sum = 0;
    for (var i = 0; i < 17; i++) sum += Number(v.charAt(i)) * w[i];
    var check = '10X98765432'.charAt(sum % 11);
    return v.charAt(17) === check ? '' : '校验码不符：末位应为 ' + check;
  }

  var checks = {
    citizenId: citizenIdProblem,
    uscc: usccProblem,
    phone: function (v) { return !v || /^[0-9+\-() ]{7,20}$/.test(v) ? '' : '联系电话格式无效'; },
    count: function (v) {
      if (!v) return '';
      if (!/^\d+$/.test(v)) return '请填写整数';
      return Number(v) > 20000 ? '床位/托位数超出合理范围（0 – 20000）' : '';
    }
  };

  function show(input, message) {
    var err = document.getElementById('err-' + input.name);
    var field = input.closest('.field');
    if (err) err.textContent = message;
    if (field) field.classList.toggle('invalid', !!message);
  }

  function validate(input, submitting) {
    var v = input.value.trim();
    var message = '';
    if (input.hasAttribute('data-required') && !v && submitting) message = '不能为空';
    if (!message && input.dataset.check) message = checks[input.dataset.check](v);
    if (message || input.closest('.field.invalid')) show(input, message);
    return !message;
  }

  document.querySelectorAll('form[data-validate]').forEach(function (form) {
    form.querySelectorAll('input, select, textarea').forEach(function (input) {
      input.addEventListener('input', function () { validate(input, false); });
      input.addEventListener('change', function () { validate(input, false); });
    });
    form.addEventListener('submit', function (e) {
      var ok = true;
      form.querySelectorAll('[data-required], [data-check]').forEach(function (input) {
        if (!input.readOnly && !validate(input, true)) ok = false;
      });
      if (!ok) {
        e.preventDefault();
        var first = form.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea');
        if (first) first.focus();
      }
    });
  });

  // Nothing typed is lost when the session has ended meanwhile (Keycloak ends it after 30 minutes without a request):
  // the post then goes to the login instead, and after it the browser asks for the post's address as a page (GET).
  // What the form held (never a password or a file) is kept in this tab's sessionStorage while the post is under way;
  // if the next page is that GET (not an answer to a post, done or refused: the layout marks those with data-answer;
  // nor the page a post was redirected to, which says #done), the form is filled in again there, or on the page it was
  // on (the address a new filing's form posts to is the list; a GET of another post-only address is the portal's 405 page), with
  // a note saying so. A confirmation's form (data-back) was on an answer, not a page: it is kept for the page the step
  // started on, with what it carries from there. Kept for the next page only.
  var KEEP = 'portal.keep';
  document.querySelectorAll('form[method=post]:not([data-upload]):not(.logout)').forEach(function (form) {
    form.addEventListener('submit', function () {
      var carried = form.hasAttribute('data-back'), values = [];
      form.querySelectorAll('input, select, textarea').forEach(function (input) {
        if (!input.name || /^(password|file|submit)$/.test(input.type) || input.name === 'confirmed') return;
        if (input.type === 'hidden' && !carried) return;
        values.push([input.name, (input.type === 'checkbox' || input.type === 'radio') ? input.checked : input.value, input.value]);
      });
      var page = carried ? form.getAttribute('data-back') : location.pathname + location.search;
      var kept = { action: form.action, page: page, values: values };
      try { sessionStorage.setItem(KEEP, JSON.stringify(kept)); } catch (ignored) { }
    });
  });
  var kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(KEEP)); sessionStorage.removeItem(KEEP); } catch (ignored) { }
  var here = location.pathname + location.search;
  var afterLogin = kept && !document.body.hasAttribute('data-answer')
      && !document.getElementById('done')
      && (kept.back ? here === kept.page : location.pathname === new URL(kept.action).pathname);
  if (afterLogin) {
    var forms = Array.prototype.filter.call(document.querySelectorAll('form[method=post]'), function (f) { return f.action === kept.action; });
    if (!forms.length && !kept.back && kept.page !== here) {
      kept.back = true; // the form is on the page the post came from: there, once more
      try { sessionStorage.setItem(KEEP, JSON.stringify(kept)); location.replace(kept.page); } catch (ignored) { }
    }
    var typed = false;
    forms.forEach(function (form) {
      kept.values.forEach(function (v) {
        // a hidden field keeps the page's own value (a version, an id): only what a person typed or chose comes back
        form.querySelectorAll('[name="' + v[0].replace(/"/g, '') + '"]:not([type=hidden])').forEach(function (input) {
          if (input.type === 'checkbox' || input.type === 'radio') { if (input.value === v[2]) input.checked = v[1]; }
          else input.value = v[1];
          typed = typed || (v[1] !== '' && v[1] !== false);
        });
      });
    });
    forms.forEach(function (form) {
      var note = document.createElement('p');
      note.className = 'note';
      note.id = 'restored';
      note.setAttribute('role', 'status');
      note.textContent = typed ? '登录已超时，您重新登录前填写的内容已恢复，请核对后再提交。'
          : '登录已超时，刚才的操作没有办理，请再办理一次。';
      form.insertBefore(note, form.firstChild);
    });
  }

  // a page shown again after a refusal: bring the first field the API named into view (on a phone it is below the fold)
  var invalid = document.querySelector('.field.invalid, tr.invalid');
  if (invalid) {
    invalid.scrollIntoView({ block: 'center' });
    var input = invalid.querySelector('input:not([type=hidden]), select, textarea');
    if (input) input.focus({ preventScroll: true });
  }

  // a picker follows another (county the city, 机构类型 the 领域): only the choices of the chosen one are offered
  document.querySelectorAll('select[data-follows]').forEach(function (child) {
    var parent = document.getElementById(child.dataset.follows);
    if (!parent) return;
    var key = child.dataset.follows;
    var sync = function () {
      child.querySelectorAll('[data-' + key + ']').forEach(function (o) {
        var other = !!parent.value && o.dataset[key] !== parent.value;
        o.hidden = other;
        o.disabled = other;
      });
      var chosen = child.selectedOptions[0];
      if (chosen && (chosen.disabled || (chosen.parentElement && chosen.parentElement.disabled))) child.value = '';
    };
    parent.addEventListener('change', sync);
    sync();
  });

  // uploads with progress; the server answers JSON to these requests and redirects the plain form
  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      var file = form.querySelector('input[type=file]');
      if (!file.files.length) return; // the server says what is missing
      e.preventDefault();
      var bar = form.querySelector('progress');
      var row = form.closest('tr');
      var err = row && row.querySelector('.err');
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('X-Requested-With', 'fetch');
      bar.hidden = false;
      xhr.upload.onprogress = function (p) { if (p.lengthComputable) bar.value = Math.round(p.loaded * 100 / p.total); };
      xhr.onload = function () {
        if (xhr.status < 300) {
          bar.value = 100;
          var next = location.pathname + '?done=uploaded#materials';
          // the same address again (a second upload) would only move to the anchor: reload instead
          if (location.pathname + location.search + location.hash === next) location.reload(); else location.replace(next);
        } else {
          bar.hidden = true;
          var message = '上传未成功（' + xhr.status + '）';
          try { var p = JSON.parse(xhr.responseText); message = p.message || p.title || message; } catch (ignored) { }
          if (err) err.textContent = message;
          if (row) row.classList.add('invalid');
        }
      };
      xhr.onerror = function () { bar.hidden = true; if (err) err.textContent = '网络错误，上传未成功，请重试'; };
      xhr.send(new FormData(form));
    });
  });

  // batch generation progress without reloading; only a browser without script gets the 2 s refresh (<noscript>), so
  // nobody with one has the page replaced under them while reading it (WCAG 2.2.1)
  var progress = document.querySelector('[data-poll]');
  if (progress) {
    var poll = function () {
      fetch(progress.dataset.poll, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); })
        .then(function (b) {
          if (b.status !== 'GENERATING') { location.reload(); return; }
          document.getElementById('processed').textContent = b.processed;
          document.getElementById('total').textContent = b.total;
          progress.querySelector('progress').value = b.total ? Math.round(b.processed * 100 / b.total) : 0;
          setTimeout(poll, 700);
        }).catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 700);
  }
})();
