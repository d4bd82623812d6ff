// Starts Web Chat against this bot's own Direct Line endpoint (/v3/directline).
(function () {
  'use strict';

  var directLineDomain = location.origin + '/v3/directline';

  function showProblem(html) {
    var box = document.getElementById('problem');
    document.getElementById('webchat').hidden = true;
    box.innerHTML = html;
    box.hidden = false;
  }

  if (!window.WebChat) {
    showProblem(
      '<strong>The chat window could not load:</strong> the Web Chat bundle (<code>lib/webchat.js</code>) is missing from this build. ' +
      'Install Node.js with npm, run <code>dotnet build src/NatoBriefBot</code> (it runs <code>npm ci</code> in ' +
      '<code>src/NatoBriefBot/webchat</code>), then restart the bot and reload this page.');
    return;
  }

  fetch(directLineDomain + '/tokens/generate', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('the bot answered ' + response.status + ' when asked for a chat token');
      }
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: directLineDomain,
        webSocket: true
      });

      window.WebChat.renderWebChat({
        directLine: directLine,
        locale: 'en-GB',
        styleOptions: {
          accent: '#003a70',
          botAvatarInitials: 'NB',
          userAvatarInitials: 'You',
          bubbleMaxWidth: 720,
          hideUploadButton: true,
          sendBoxTextWrap: true,
          suggestedActionLayout: 'flow',
          suggestedActionsFlowMaxHeight: 200,
          primaryFont: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif'
        }
      }, document.getElementById('webchat'));

      document.querySelector('#webchat input, #webchat textarea') && document.querySelector('#webchat input, #webchat textarea').focus();
    })
    .catch(function (error) {
      showProblem('<strong>The chat could not start:</strong> ' + String(error.message || error).replace(/[<>&]/g, '') +
        '. Check that the bot is running, then reload this page.');
    });
}());
