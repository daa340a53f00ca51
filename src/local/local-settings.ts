/**
 * The app's settings in the local run: what an admin would set in Zendesk. The shared secret is
 * not here: it stays with the dev server, which plays Zendesk's request proxy.
 */
export function localSettings(proxyUrl: string): Record<string, unknown> {
  return {
    proxyUrl,
    altaTag: 'alta_servei',
    serviceFieldId: '9001',
    environmentFieldId: '9002',
    ambitFieldId: '9003',
    writeBackTags: true,
    tagPrefix: 'aoc_',
    macroIds: 'close-ticket=101\nassign-head-of-service=102\ntransfer-support-unit=103\nsplit-per-service=104',
    headOfServiceName: 'Responsable de servei',
    signatoryName: 'Responsable de signatura',
    setdibaMuxContact: 'Responsable MUX',
    setdibaCertificateUrl: 'https://setdiba.example.org/certificat-cda',
    supportEmail: 'suport@example.org',
    dcocCopyTo: 'copia.dcoc@example.org',
    dcocCollegiMailboxes: 'COAC=coac@example.org\nCAATB=caatb@example.org',
    padroFirewallAddresses: 'Producció: 192.0.2.10\nDesenvolupament: 192.0.2.11',
    autoCloseDays: 7,
  };
}
