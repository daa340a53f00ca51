// The local run serves Zendesk's SDK from its npm package (the same code as the CDN script, which
// this machine cannot reach) and exposes it as the CDN script does: a global ZAFClient.
import ZAFClient from 'zendesk_app_framework_sdk';

(globalThis as unknown as { ZAFClient: unknown }).ZAFClient = ZAFClient;
