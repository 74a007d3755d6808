/**
 * Function file of the ribbon button. The button only opens the task pane (ShowTaskpane), so there
 * are no commands to register; Office still requires the page to initialise Office.js.
 */
Office.onReady(() => undefined);
