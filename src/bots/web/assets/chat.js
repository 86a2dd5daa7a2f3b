// The web chat's page script (no framework, no build): sends what the person types or presses,
// shows panelbot's replies in the log, and listens for later messages on a live stream.
(function () {
  'use strict';
  var main = document.getElementById('chat');
  if (!main) return;
  var log = document.getElementById('log');
  var form = document.getElementById('send-form');
  var input = document.getElementById('message');
  var sendButton = document.getElementById('send');
  var status = document.getElementById('status');
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var ui = JSON.parse(main.getAttribute('data-ui') || '{}');
  var queue = [];
  var busy = false;
  // The message whose answer never came: sent again as it was typed, it keeps its id, so the
  // server answers it once even if the first one did arrive.
  var lastFailed = null;

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function say(text) {
    status.textContent = text || '';
  }

  // Choices of older messages can no longer be pressed: they stay as a plain list.
  function retireChoices() {
    var lists = log.querySelectorAll('ol.choices');
    for (var i = 0; i < lists.length; i++) {
      var buttons = lists[i].querySelectorAll('button');
      for (var j = 0; j < buttons.length; j++) {
        var span = document.createElement('span');
        span.textContent = buttons[j].textContent;
        buttons[j].parentNode.replaceChild(span, buttons[j]);
      }
      lists[i].classList.add('retired');
    }
  }

  function addMessage(who, message) {
    var item = document.createElement('div');
    item.className = 'msg ' + (who === 'me' ? 'msg-me' : 'msg-bot');
    var label = document.createElement('p');
    label.className = 'who';
    label.textContent = who === 'me' ? ui.you : ui.bot;
    var text = document.createElement('p');
    text.className = 'text';
    text.textContent = message.text;
    item.appendChild(label);
    item.appendChild(text);
    if (message.choices && message.choices.length) {
      retireChoices();
      var list = document.createElement('ol');
      list.className = 'choices';
      list.setAttribute('aria-label', ui.choices);
      message.choices.forEach(function (choice, i) {
        var li = document.createElement('li');
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = (i + 1) + '. ' + choice.label;
        button.addEventListener('click', function () {
          retireChoices();
          input.focus();
          enqueue({ kind: 'choice', choiceId: choice.id }, choice.label);
        });
        li.appendChild(button);
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    if (message.attachment) {
      var blob = new Blob([message.attachment.content], { type: message.attachment.mimeType });
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = message.attachment.filename;
      link.textContent = String(ui.download).replace('{{file}}', message.attachment.filename);
      item.appendChild(link);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: 'end' });
  }

  function applyLanguage(lang, texts) {
    if (!lang || !texts) return;
    document.documentElement.lang = lang;
    ui = texts;
    document.getElementById('message-label').textContent = ui.inputLabel;
    document.getElementById('message-hint').textContent = ui.hint;
    document.getElementById('heading').textContent = ui.heading;
    document.getElementById('log-label').textContent = ui.log;
    sendButton.textContent = ui.send;
  }

  function post(body, attempt) {
    return fetch('/api/message', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body)
    }).then(function (res) {
      if (res.status === 429) throw { kind: 'tooFast' };
      if (res.status === 403) throw { kind: 'expired' };
      if (!res.ok) throw { kind: 'offline' };
      return res.json().then(function (answer) { answer.retried = attempt > 0; return answer; });
    }, function () {
      // A lost connection: the same id again, so a message that did arrive is not answered twice.
      if (attempt < 2) return new Promise(function (r) { setTimeout(r, 800 * (attempt + 1)); }).then(function () { return post(body, attempt + 1); });
      throw { kind: 'offline' };
    });
  }

  function pump() {
    if (busy || queue.length === 0) return;
    busy = true;
    var next = queue[0];
    say(ui.sending);
    post(next.body, 0).then(function (answer) {
      queue.shift();
      say('');
      applyLanguage(answer.lang, answer.ui);
      answer.replies.forEach(function (m) { addMessage('bot', m); });
      // Sent again after a lost connection and already answered the first time (the answer was
      // lost on the way): ask where the conversation is, so the person sees the question.
      if (answer.retried && answer.replies.length === 0) enqueue({ kind: 'start' }, '');
    }, function (err) {
      // Kept for the next press of Send; the person sees why.
      queue.length = 0;
      lastFailed = next.body;
      if (next.shown) input.value = input.value || next.shown;
      say(ui[err && err.kind] || ui.offline);
    }).then(function () {
      busy = false;
      pump();
    });
  }

  function enqueue(content, shown) {
    var same = lastFailed && lastFailed.kind === content.kind && lastFailed.text === content.text && lastFailed.choiceId === content.choiceId;
    var body = { id: same ? lastFailed.id : newId() };
    lastFailed = null;
    for (var k in content) body[k] = content[k];
    if (shown) addMessage('me', { text: shown });
    queue.push({ body: body, shown: content.kind === 'text' ? shown : '' });
    pump();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) { input.focus(); return; }
    input.value = '';
    enqueue({ kind: 'text', text: text }, text);
    input.focus();
  });

  if (window.EventSource) {
    var stream = new EventSource('/api/events');
    stream.addEventListener('message', function (event) {
      try { addMessage('bot', JSON.parse(event.data)); } catch (e) { /* a broken event is skipped */ }
    });
  }

  var start = main.getAttribute('data-start');
  main.removeAttribute('data-start');
  enqueue(start ? { kind: 'start', payload: start } : { kind: 'start' }, '');
})();
