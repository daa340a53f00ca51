// The npm SDK ships no types; the local run only hands it to the page as the global ZAFClient.
declare module 'zendesk_app_framework_sdk' {
  const ZAFClient: { init(callback?: () => void): unknown };
  export default ZAFClient;
}
