import { describe, expect, it } from 'vitest';
import { MAX_PACKAGE_BYTES } from '../../tools/packaging/file-rules';
import { isObject, type JsonObject, type ValidationResult } from '../../tools/packaging/types';
import { validateAppPackage } from '../../tools/packaging/validate-app-package';
import { file, goodEnglish, goodParts, type PackageParts, pngHead, toInput } from './good-package';

/** Validates the good package after `change` has broken it in one way. */
function validate(change: (parts: PackageParts) => void = () => undefined): ValidationResult {
  const parts = goodParts();
  change(parts);
  return validateAppPackage(toInput(parts));
}
function manifestOf(parts: PackageParts): JsonObject {
  if (!isObject(parts.manifest)) throw new Error('the fixture manifest is an object');
  return parts.manifest;
}
function parameter(parts: PackageParts, name: string): JsonObject {
  const found = (manifestOf(parts).parameters as JsonObject[]).find((p) => p.name === name);
  if (found === undefined) throw new Error(`no parameter ${name}`);
  return found;
}
function addParameter(parts: PackageParts, added: JsonObject, label = true): void {
  (manifestOf(parts).parameters as JsonObject[]).push(added);
  if (!label) return;
  const english = JSON.parse(parts.translations.get('translations/en.json') ?? '{}') as JsonObject;
  ((english.app as JsonObject).parameters as JsonObject)[added.name as string] = { label: 'A label' };
  parts.translations.set('translations/en.json', JSON.stringify(english));
}
function setEnglish(parts: PackageParts, change: (english: JsonObject) => void): void {
  const english = goodEnglish();
  change(english);
  parts.translations.set('translations/en.json', JSON.stringify(english));
}
/** Exactly one error, matching `pattern`: the rule fires, and no other rule fires with it. */
function expectOnlyError(result: ValidationResult, pattern: RegExp): void {
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(pattern);
}
function expectWarning(result: ValidationResult, pattern: RegExp): void {
  expect(result.errors).toEqual([]);
  expect(
    result.warnings.some((w) => pattern.test(w)),
    result.warnings.join('\n'),
  ).toBe(true);
}

describe('the offline validator of Zendesk app packages', () => {
  it('passes a good package without errors or warnings', () => {
    expect(validate()).toEqual({ errors: [], warnings: [] });
  });

  describe('manifest keys and types', () => {
    it('refuses a manifest that is not an object', () => {
      expectOnlyError(
        validate((p) => (p.manifest = ['name'])),
        /manifest\.json: must hold a JSON object, not array/,
      );
    });
    it('requires the author with name, email and url', () => {
      expectOnlyError(
        validate((p) => delete manifestOf(p).author),
        /"author" is missing/,
      );
      expectOnlyError(
        validate((p) => (manifestOf(p).author = 'AOC')),
        /"author" must be an object/,
      );
      expectOnlyError(
        validate((p) => delete (manifestOf(p).author as JsonObject).email),
        /"author\.email" must be a non-empty string/,
      );
      expectOnlyError(
        validate((p) => ((manifestOf(p).author as JsonObject).email = 'suport')),
        /"author\.email" is not an e-mail address/,
      );
      expectOnlyError(
        validate((p) => ((manifestOf(p).author as JsonObject).url = 'www.aoc.cat')),
        /"author\.url" must be an http\(s\) URL/,
      );
    });
    it('requires frameworkVersion to be the string "2.0"', () => {
      expectOnlyError(
        validate((p) => delete manifestOf(p).frameworkVersion),
        /"frameworkVersion" is missing/,
      );
      expectOnlyError(
        validate((p) => (manifestOf(p).frameworkVersion = 2)),
        /"frameworkVersion" must be the string "2\.0", not 2/,
      );
      expectOnlyError(
        validate((p) => (manifestOf(p).frameworkVersion = '1.0')),
        /not "1\.0"/,
      );
    });
    it('requires a defaultLocale whose translation file is in the package', () => {
      expectOnlyError(
        validate((p) => delete manifestOf(p).defaultLocale),
        /"defaultLocale" is missing/,
      );
      expectOnlyError(
        validate((p) => (manifestOf(p).defaultLocale = 'English')),
        /"defaultLocale" must be a locale/,
      );
      expectOnlyError(
        validate((p) => (manifestOf(p).defaultLocale = 'fr')),
        /"defaultLocale" is "fr" but translations\/fr\.json is not in the package/,
      );
    });
    it.each(['private', 'singleInstall', 'signedUrls'])('refuses %s given as a string instead of a boolean', (key) => {
      expectOnlyError(
        validate((p) => (manifestOf(p)[key] = 'true')),
        new RegExp(`"${key}" must be true or false, not "true" \\(string\\)`),
      );
    });
    it('refuses a version that is not a string', () => {
      expectOnlyError(
        validate((p) => (manifestOf(p).version = 1)),
        /"version" must be a string, not number/,
      );
    });
    it('warns about a key Zendesk does not know', () => {
      expectWarning(
        validate((p) => (manifestOf(p).domainWhiteList = [])),
        /unknown key "domainWhiteList"/,
      );
    });
  });

  describe('location', () => {
    const sidebar = (p: PackageParts): JsonObject =>
      ((manifestOf(p).location as JsonObject).support as JsonObject).ticket_sidebar as JsonObject;
    it('is required, with the ticket sidebar', () => {
      expectOnlyError(
        validate((p) => delete manifestOf(p).location),
        /"location" is missing/,
      );
      expectOnlyError(
        validate((p) => (manifestOf(p).location = { support: { top_bar: { url: 'assets/index.html' } } })),
        /"location\.support\.ticket_sidebar" is missing/,
      );
    });
    it('must point to a file of the package under assets/', () => {
      expectOnlyError(
        validate((p) => (sidebar(p).url = 'assets/main.html')),
        /"location\.support\.ticket_sidebar\.url" points to assets\/main\.html, which is not in the package/,
      );
      expectOnlyError(
        validate((p) => (sidebar(p).url = 'index.html')),
        /must point into assets\//,
      );
      expectOnlyError(
        validate((p) => delete sidebar(p).url),
        /"location\.support\.ticket_sidebar\.url" is missing/,
      );
    });
    it('accepts https and localhost URLs, refuses plain http elsewhere', () => {
      expect(validate((p) => (sidebar(p).url = 'https://app.aoc.cat/sidebar')).errors).toEqual([]);
      expect(validate((p) => (sidebar(p).url = 'http://localhost:3000/')).errors).toEqual([]);
      expectOnlyError(
        validate((p) => (sidebar(p).url = 'http://app.aoc.cat/')),
        /must be https \(or on localhost\)/,
      );
    });
    it('accepts a location given as its URL alone', () => {
      expect(
        validate((p) => (manifestOf(p).location = { support: { ticket_sidebar: 'assets/index.html' } })).errors,
      ).toEqual([]);
    });
    it('refuses flexible given as a string', () => {
      expectOnlyError(
        validate((p) => (sidebar(p).flexible = 'true')),
        /"location\.support\.ticket_sidebar\.flexible" must be true or false/,
      );
    });
  });

  describe('parameters', () => {
    it('refuses the removed password type, pointing to secure text', () => {
      expectOnlyError(
        validate((p) => (parameter(p, 'sharedSecret').type = 'password')),
        /parameter "sharedSecret" has type "password", which Zendesk removed: use type "text" with "secure": true/,
      );
    });
    it('refuses a type outside text, checkbox, url, number, multiline, hidden, oauth', () => {
      expectOnlyError(
        validate((p) => (parameter(p, 'proxyUrl').type = 'select')),
        /parameter "proxyUrl" has type "select"; the types are text, checkbox, url, number, multiline, hidden, oauth/,
      );
    });
    it('refuses a default on a secure parameter', () => {
      expectOnlyError(
        validate((p) => (parameter(p, 'sharedSecret').default = 'changeme')),
        /parameter "sharedSecret" is secure and cannot have a "default"/,
      );
    });
    it('refuses a default on a hidden parameter, and a required hidden one', () => {
      expectOnlyError(
        validate((p) => {
          addParameter(p, { name: 'installId', type: 'hidden', default: 'x' });
        }),
        /parameter "installId" is hidden and cannot have a "default"/,
      );
      expectOnlyError(
        validate((p) => {
          addParameter(p, { name: 'installId', type: 'hidden', required: true });
        }),
        /parameter "installId" is hidden and cannot be required/,
      );
    });
    it('refuses required and secure given as strings', () => {
      expectOnlyError(
        validate((p) => (parameter(p, 'proxyUrl').required = 'true')),
        /parameter "proxyUrl": "required" must be true or false, not "true" \(string\)/,
      );
      expectOnlyError(
        validate((p) => (parameter(p, 'sharedSecret').secure = 'yes')),
        /parameter "sharedSecret": "secure" must be true or false/,
      );
    });
    it('refuses duplicate names and the reserved name "name"', () => {
      expectOnlyError(
        validate((p) => {
          addParameter(p, { name: 'proxyUrl', type: 'text' }, false);
        }),
        /parameter "proxyUrl" is declared twice/,
      );
      expectOnlyError(
        validate((p) => {
          addParameter(p, { name: 'name', type: 'text' });
        }),
        /a parameter cannot be called "name"/,
      );
    });
    it("refuses scopes outside Zendesk's list, and warns when a secure parameter has none", () => {
      expectOnlyError(
        validate((p) => (parameter(p, 'sharedSecret').scopes = ['jwt_secret_key', 'cookie'])),
        /parameter "sharedSecret": unknown scope "cookie"/,
      );
      expectOnlyError(
        validate((p) => (parameter(p, 'sharedSecret').scopes = 'header')),
        /"scopes" must be an array, not string/,
      );
      expectWarning(
        validate((p) => delete parameter(p, 'sharedSecret').scopes),
        /parameter "sharedSecret" is secure but lists no "scopes"/,
      );
    });
    it('warns about a credential-like parameter that is not secure', () => {
      expectWarning(
        validate((p) => {
          addParameter(p, { name: 'apiToken', type: 'text' });
        }),
        /parameter "apiToken" looks like a credential .* add "secure": true/,
      );
      expectWarning(
        validate((p) => {
          addParameter(p, { name: 'clientSecret', type: 'multiline' });
        }),
        /parameter "clientSecret" looks like a credential/,
      );
    });
    it('refuses an oauth parameter that is secure, and more than one oauth parameter', () => {
      expect(
        validate((p) => {
          addParameter(p, { name: 'login', type: 'oauth', secure: true, scopes: ['header'] });
        }).errors,
      ).toContainEqual(expect.stringMatching(/parameter "login" is of type oauth and cannot be secure/));
      expectOnlyError(
        validate((p) => {
          addParameter(p, { name: 'login', type: 'oauth' });
          addParameter(p, { name: 'login2', type: 'oauth' });
        }),
        /at most one parameter can be of type "oauth"/,
      );
    });
    it('refuses a default of the wrong type', () => {
      expectOnlyError(
        validate((p) => (parameter(p, 'writeBackTags').default = 'false')),
        /parameter "writeBackTags": "default" must be a boolean for type "checkbox"/,
      );
      expectOnlyError(
        validate((p) => (parameter(p, 'autoCloseDays').default = '7')),
        /"default" must be a number for type "number"/,
      );
    });
    it('refuses parameters that are not an array', () => {
      expectOnlyError(
        validate((p) => (manifestOf(p).parameters = { proxyUrl: 'url' })),
        /"parameters" must be an array, not object/,
      );
    });
  });

  describe('domainWhitelist', () => {
    it('must be an array of host names', () => {
      expectOnlyError(
        validate((p) => (manifestOf(p).domainWhitelist = 'proxy.aoc.cat')),
        /"domainWhitelist" must be an array of host names, not string/,
      );
      expect(validate((p) => (manifestOf(p).domainWhitelist = ['https://proxy.aoc.cat'])).errors).toContainEqual(
        expect.stringMatching(
          /"domainWhitelist\[0\]" "https:\/\/proxy\.aoc\.cat" is not a host name: write the host only, without the scheme/,
        ),
      );
    });
    it("must hold the proxy's host given to the packager", () => {
      expectOnlyError(
        validate((p) => (p.proxyHost = 'proxy.aoc.net')),
        /"domainWhitelist" does not hold the proxy's host "proxy\.aoc\.net"/,
      );
      expect(validate((p) => (manifestOf(p).domainWhitelist = ['*.aoc.cat'])).errors).toEqual([]);
    });
    it("must hold the host of every url parameter's default", () => {
      expectOnlyError(
        validate((p) => (parameter(p, 'proxyUrl').default = 'https://other.aoc.cat/api')),
        /parameter "proxyUrl" defaults to a URL on "other\.aoc\.cat", which "domainWhitelist" does not hold/,
      );
      expect(validate((p) => (parameter(p, 'proxyUrl').default = 'https://proxy.aoc.cat/api')).errors).toEqual([]);
      expectOnlyError(
        validate((p) => (parameter(p, 'proxyUrl').default = 'proxy.aoc.cat')),
        /"default" "proxy\.aoc\.cat" is not an http\(s\) URL/,
      );
    });
    it('warns about a placeholder host and about secure parameters with no whitelist', () => {
      expectWarning(
        validate((p) => {
          manifestOf(p).domainWhitelist = ['proxy.example.org'];
          delete p.proxyHost;
        }),
        /"proxy\.example\.org" is a placeholder/,
      );
      expectWarning(
        validate((p) => {
          delete manifestOf(p).domainWhitelist;
          delete p.proxyHost;
        }),
        /secure parameters are only sent to hosts in "domainWhitelist", which is empty/,
      );
    });
  });

  describe('translations', () => {
    it('refuses a file name that is not a locale', () => {
      expectOnlyError(
        validate((p) => p.files.set('translations/English.json', file(10))),
        /translations\/English\.json: not a translation file name/,
      );
      expect(validate((p) => p.files.set('translations/pt-br.json', file(10))).errors).toEqual([]);
    });
    it('refuses a file that is not JSON, or not an object', () => {
      expectOnlyError(
        validate((p) => p.translations.set('translations/ca.json', '{"app": {')),
        /translations\/ca\.json: not valid JSON/,
      );
      expectOnlyError(
        validate((p) => p.translations.set('translations/ca.json', '["app"]')),
        /translations\/ca\.json: must hold a JSON object, not array/,
      );
    });
    it('accepts strings and {title, value} pairs only, naming the key that is neither', () => {
      expectOnlyError(
        validate((p) => {
          setEnglish(p, (en) => ((en.ui as JsonObject).count = 3));
        }),
        /translations\/en\.json: "ui\.count" must be a string or \{"title", "value"\}, not number/,
      );
      expectOnlyError(
        validate((p) => {
          setEnglish(p, (en) => ((en.ui as JsonObject).list = ['a']));
        }),
        /"ui\.list" must be a string .* not array/,
      );
    });
    it('requires en.json, with app.name', () => {
      expect(validate((p) => p.translations.delete('translations/en.json')).errors).toContainEqual(
        expect.stringMatching(/translations\/en\.json is missing/),
      );
      expectOnlyError(
        validate((p) => {
          setEnglish(p, (en) => delete (en.app as JsonObject).name);
        }),
        /translations\/en\.json: "app\.name" is missing/,
      );
    });
    it('requires an English label for every parameter', () => {
      expectOnlyError(
        validate((p) => {
          setEnglish(p, (en) => delete ((en.app as JsonObject).parameters as JsonObject).autoCloseDays);
        }),
        /translations\/en\.json: "app\.parameters\.autoCloseDays\.label" is missing/,
      );
      expectOnlyError(
        validate((p) => {
          addParameter(p, { name: 'tagPrefix', type: 'text' }, false);
        }),
        /"app\.parameters\.tagPrefix\.label" is missing/,
      );
    });
    it('warns when another language lacks a label (English is shown instead)', () => {
      expectWarning(
        validate((p) => p.translations.set('translations/ca.json', JSON.stringify({ app: { name: 'App' } }))),
        /translations\/ca\.json: no label for proxyUrl, sharedSecret, writeBackTags, autoCloseDays/,
      );
    });
    it('requires the marketplace texts for a public app', () => {
      const result = validate((p) => (manifestOf(p).private = false));
      expect(result.errors).toEqual([
        'translations/en.json: "app.short_description" is missing (required for a public app)',
        'translations/en.json: "app.long_description" is missing (required for a public app)',
        'translations/en.json: "app.installation_instructions" is missing (required for a public app)',
      ]);
    });
  });

  describe('files', () => {
    it('requires manifest.json at the root, and says when it is in a folder', () => {
      expectOnlyError(
        validate((p) => p.files.delete('manifest.json')),
        /manifest\.json is missing from the package's root/,
      );
      expect(
        validate((p) => {
          p.files.delete('manifest.json');
          p.files.set('dist/manifest.json', file(900));
        }).errors[0],
      ).toMatch(/manifest\.json must be at the package's root, not at dist\/manifest\.json/);
    });
    it('refuses symbolic links', () => {
      expectOnlyError(
        validate((p) => p.files.set('assets/static/vendor.js', { size: 20, isSymlink: true, head: new Uint8Array() })),
        /assets\/static\/vendor\.js: symbolic link/,
      );
    });
    it('refuses a package over 2 MB, zipped or as files', () => {
      expectOnlyError(
        validate((p) => (p.archiveSize = MAX_PACKAGE_BYTES + 1)),
        /the package's zip take 2\.00 MB, over Zendesk's limit of 2\.00 MB/,
      );
      expect(validate((p) => (p.archiveSize = MAX_PACKAGE_BYTES)).errors).toEqual([]);
      expectOnlyError(
        validate((p) => p.files.set('assets/static/big.js', file(2 * 1024 * 1024))),
        /the package's files take 2\.\d\d MB, over Zendesk's limit/,
      );
    });
    it('refuses logos of the wrong size, missing, or not PNG', () => {
      expectOnlyError(
        validate((p) => p.files.set('assets/logo.png', file(7000, pngHead(256, 256)))),
        /assets\/logo\.png: 256×256 pixels, must be 320×320/,
      );
      expectOnlyError(
        validate((p) => p.files.set('assets/logo-small.png', file(7000, pngHead(320, 320)))),
        /assets\/logo-small\.png: 320×320 pixels, must be 128×128/,
      );
      expectOnlyError(
        validate((p) => p.files.delete('assets/logo-small.png')),
        /assets\/logo-small\.png is missing/,
      );
      expectOnlyError(
        validate((p) =>
          p.files.set('assets/logo.png', file(7000, new TextEncoder().encode('GIF89a...........................'))),
        ),
        /assets\/logo\.png: not a PNG file/,
      );
    });
    it('checks screenshots are PNG files', () => {
      expect(validate((p) => p.files.set('assets/screenshot-0.png', file(9000, pngHead(1024, 768)))).errors).toEqual(
        [],
      );
      expectOnlyError(
        validate((p) => p.files.set('assets/screenshot-1.png', file(9000))),
        /assets\/screenshot-1\.png: not a PNG file/,
      );
    });
    it('refuses files outside manifest.json, assets/ and translations/, sources, source maps and node_modules', () => {
      expectOnlyError(
        validate((p) => p.files.set('README.md', file(10))),
        /README\.md: not part of a Zendesk app/,
      );
      expectOnlyError(
        validate((p) => p.files.set('assets/static/index-abc123.js.map', file(10))),
        /index-abc123\.js\.map: source or source map/,
      );
      expectOnlyError(
        validate((p) => p.files.set('assets/main.tsx', file(10))),
        /assets\/main\.tsx: source or source map/,
      );
      expectOnlyError(
        validate((p) => p.files.set('assets/node_modules/react/index.js', file(10))),
        /node_modules does not belong in the package/,
      );
    });
    it('warns about archives, documents and scripts, by extension or by content', () => {
      expectWarning(
        validate((p) => p.files.set('assets/forms.zip', file(10))),
        /assets\/forms\.zip: \.zip files are flagged/,
      );
      expectWarning(
        validate((p) => p.files.set('assets/manual.pdf', file(10))),
        /\.pdf files are flagged/,
      );
      expectWarning(
        validate((p) => p.files.set('assets/form.docx', file(10))),
        /\.docx files are flagged/,
      );
      expectWarning(
        validate((p) => p.files.set('assets/deploy.sh', file(10))),
        /\.sh files are flagged/,
      );
      expectWarning(
        validate((p) => p.files.set('assets/lib.jar', file(10))),
        /\.jar files are flagged/,
      );
      expectWarning(
        validate((p) => p.files.set('assets/data.bin.txt', file(10, new TextEncoder().encode('%PDF-1.7')))),
        /assets\/data\.bin\.txt: looks like a PDF document/,
      );
    });
    it('warns about hidden files', () => {
      expectWarning(
        validate((p) => p.files.set('assets/.DS_Store', file(10))),
        /assets\/\.DS_Store: hidden file/,
      );
    });
  });
});
