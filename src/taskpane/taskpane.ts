// Placeholder: the task pane is built in src/taskpane (see issue 5).
Office.onReady(() => {
  document.getElementById("app")!.textContent = "政府信息公开年报助手";
});
