#!/usr/bin/env node
/**
 * Offline check of the add-in manifest (the online validator `office-addin-manifest validate` needs
 * Microsoft's service). Checks: well-formed XML; the TaskPaneApp root; element order and required
 * elements of OfficeApp; Id, Version, DefaultLocale and the en-US overrides; https URLs on one host;
 * the icon files and their pixel sizes; the ExcelApi requirement; every resid of VersionOverrides
 * resolving to a resource of the right kind, unique ids and string lengths.
 *
 *   node scripts/check-manifest.js [manifest.xml] [--lang en]
 * Exit code 0 when there is no error, 1 otherwise.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** The ExcelApi set the manifest must require (the code detects anything newer at run time). */
const EXPECTED_EXCEL_API = '1.7';

// Child order of OfficeApp (TaskPaneApp) as the schema defines it.
const OFFICEAPP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'AllowSnapshot', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
];
const OFFICEAPP_REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Hosts', 'DefaultSettings', 'Permissions'];
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------- a small, strict XML parser

class XmlError extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
}

function decodeEntities(text, line) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);|&/gi, (m, ent) => {
    if (!ent) throw new XmlError('bare "&" (write &amp;)', line);
    if (ent[0] === '#') return String.fromCodePoint(ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    const map = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (!(ent in map)) throw new XmlError(`unknown entity &${ent};`, line);
    return map[ent];
  });
}

/** Parses XML into {name, attrs, children, text, line}; throws XmlError with a line number. */
function parseXml(src) {
  let i = 0;
  let line = 1;
  const advance = (n) => {
    for (let k = 0; k < n; k++) if (src[i + k] === '\n') line++;
    i += n;
  };
  const root = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack = [root];
  if (src.charCodeAt(0) === 0xfeff) i = 1;
  while (i < src.length) {
    if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i);
      if (end < 0) throw new XmlError('unterminated processing instruction', line);
      advance(end + 2 - i);
    } else if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i);
      if (end < 0) throw new XmlError('unterminated comment', line);
      advance(end + 3 - i);
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i);
      if (end < 0) throw new XmlError('unterminated CDATA', line);
      stack[stack.length - 1].text += src.slice(i + 9, end);
      advance(end + 3 - i);
    } else if (src.startsWith('<!', i)) {
      throw new XmlError('DOCTYPE declarations are not allowed in a manifest', line);
    } else if (src.startsWith('</', i)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(src.slice(i));
      if (!m) throw new XmlError('malformed end tag', line);
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new XmlError(`end tag </${m[1]}> does not match <${open ? open.name : '?'}>`, line);
      advance(m[0].length);
    } else if (src[i] === '<') {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(src.slice(i));
      if (!m) throw new XmlError('malformed start tag', line);
      const node = { name: m[1], attrs: {}, children: [], text: '', line };
      const attrRe = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
      let a;
      while ((a = attrRe.exec(m[2]))) {
        if (a[1] in node.attrs) throw new XmlError(`duplicate attribute ${a[1]} on <${m[1]}>`, line);
        node.attrs[a[1]] = decodeEntities(a[3] !== undefined ? a[3] : a[4], line);
      }
      const parent = stack[stack.length - 1];
      if (parent === root && root.children.length > 0) throw new XmlError('more than one root element', line);
      parent.children.push(node);
      advance(m[0].length);
      if (!m[3]) stack.push(node);
    } else {
      const next = src.indexOf('<', i);
      const end = next < 0 ? src.length : next;
      const text = src.slice(i, end);
      if (stack.length === 1 && text.trim() !== '') throw new XmlError('text outside the root element', line);
      if (stack.length > 1) stack[stack.length - 1].text += decodeEntities(text, line);
      advance(end - i);
    }
  }
  if (stack.length > 1) throw new XmlError(`<${stack[stack.length - 1].name}> is not closed`, line);
  if (root.children.length !== 1) throw new XmlError('no root element', line);
  return root.children[0];
}

// ---------------------------------------------------------------- helpers

const local = (name) => name.replace(/^.*:/, '');
const kids = (node, name) => (node ? node.children.filter((c) => local(c.name) === name) : []);
const kid = (node, name) => kids(node, name)[0];
function* walk(node) {
  yield node;
  for (const c of node.children) yield* walk(c);
}
function xsiType(node) {
  const key = Object.keys(node.attrs).find((k) => local(k) === 'type' && k.includes(':'));
  return key ? node.attrs[key] : undefined;
}

function pngSize(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---------------------------------------------------------------- the checks

/**
 * Checks a manifest's text. rootDir is the project folder: URL paths are looked up in assets/ and
 * src/addin/ to find icons and pages. Returns problems as {zh, en, line?}.
 */
function checkManifest(xmlText, options = {}) {
  const rootDir = options.rootDir || path.resolve(__dirname, '..');
  const problems = [];
  const add = (zh, en, line) => problems.push({ zh, en, line });

  let doc;
  try {
    doc = parseXml(xmlText);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    add(`XML 格式错误：${e.message}`, `XML is not well-formed: ${e.message}`, e.line);
    return problems;
  }

  if (local(doc.name) !== 'OfficeApp') add('根元素必须是 OfficeApp', 'the root element must be OfficeApp', doc.line);
  if (doc.attrs.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1')
    add('OfficeApp 的命名空间应为 http://schemas.microsoft.com/office/appforoffice/1.1', 'OfficeApp must use the namespace http://schemas.microsoft.com/office/appforoffice/1.1', doc.line);
  if (xsiType(doc) !== 'TaskPaneApp') add('OfficeApp 的 xsi:type 必须是 TaskPaneApp', 'OfficeApp must have xsi:type="TaskPaneApp"', doc.line);

  // Order and presence of the children of OfficeApp.
  let last = -1;
  for (const c of doc.children) {
    const idx = OFFICEAPP_ORDER.indexOf(local(c.name));
    if (idx < 0) {
      add(`OfficeApp 下有未知元素 <${c.name}>`, `unknown element <${c.name}> in OfficeApp`, c.line);
      continue;
    }
    if (idx < last) add(`<${c.name}> 的位置不对：应在 <${OFFICEAPP_ORDER[last]}> 之前`, `<${c.name}> is out of order: it must come before <${OFFICEAPP_ORDER[last]}>`, c.line);
    if (kids(doc, local(c.name)).length > 1 && kids(doc, local(c.name))[0] !== c) add(`<${c.name}> 出现了多次`, `<${c.name}> appears more than once`, c.line);
    last = Math.max(last, idx);
  }
  for (const name of OFFICEAPP_REQUIRED) if (!kid(doc, name)) add(`缺少必需元素 <${name}>`, `required element <${name}> is missing`, doc.line);

  const id = kid(doc, 'Id');
  if (id && !GUID.test(id.text.trim())) add('Id 必须是 GUID', 'Id must be a GUID', id.line);
  const version = kid(doc, 'Version');
  if (version && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version.text.trim())) add('Version 格式应为 n.n.n.n', 'Version must look like n.n.n.n', version.line);

  const defaultLocale = kid(doc, 'DefaultLocale');
  if (defaultLocale && defaultLocale.text.trim() !== 'zh-CN') add('DefaultLocale 应为 zh-CN', 'DefaultLocale must be zh-CN', defaultLocale.line);
  for (const [name, max] of [['DisplayName', 125], ['Description', 250]]) {
    const node = kid(doc, name);
    if (!node) continue;
    const dv = node.attrs.DefaultValue;
    if (!dv) add(`<${name}> 缺少 DefaultValue`, `<${name}> has no DefaultValue`, node.line);
    else if ([...dv].length > max) add(`<${name}> 超过 ${max} 个字符`, `<${name}> is longer than ${max} characters`, node.line);
    const en = kids(node, 'Override').find((o) => o.attrs.Locale === 'en-US');
    if (!en || !en.attrs.Value) add(`<${name}> 缺少 en-US 的 Override`, `<${name}> has no en-US Override`, node.line);
  }

  const hosts = kids(kid(doc, 'Hosts'), 'Host');
  if (!hosts.some((h) => h.attrs.Name === 'Workbook')) add('Hosts 中必须有 <Host Name="Workbook"/>', 'Hosts must contain <Host Name="Workbook"/>', kid(doc, 'Hosts')?.line);

  const perms = kid(doc, 'Permissions');
  if (perms && !PERMISSIONS.includes(perms.text.trim())) add(`Permissions 取值无效：${perms.text.trim()}`, `invalid Permissions value: ${perms.text.trim()}`, perms.line);

  const req = kid(doc, 'Requirements');
  const excelSet = kids(kid(req, 'Sets'), 'Set').find((s) => s.attrs.Name === 'ExcelApi');
  if (!excelSet) add('Requirements 中缺少 ExcelApi 要求集', 'Requirements does not name the ExcelApi set', req ? req.line : doc.line);
  else if (excelSet.attrs.MinVersion !== EXPECTED_EXCEL_API)
    add(`ExcelApi 最低版本应为 ${EXPECTED_EXCEL_API}（代码按此版本编写，新功能在运行时检测）`, `ExcelApi MinVersion must be ${EXPECTED_EXCEL_API} (the code is written against it and detects newer sets at run time)`, excelSet.line);

  if (!kid(kid(doc, 'DefaultSettings'), 'SourceLocation')) add('DefaultSettings 中缺少 SourceLocation', 'DefaultSettings has no SourceLocation', kid(doc, 'DefaultSettings')?.line);

  // URLs: https, one host, and the files behind them.
  const urls = [];
  for (const node of walk(doc)) {
    const n = local(node.name);
    const isUrlElement = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Url', 'Image', 'AppDomain'].includes(n);
    if (!isUrlElement) continue;
    if (node.attrs.DefaultValue) urls.push({ url: node.attrs.DefaultValue, node });
    if (n === 'AppDomain') urls.push({ url: node.text.trim(), node });
    for (const o of kids(node, 'Override')) if (o.attrs.Value) urls.push({ url: o.attrs.Value, node: o });
  }
  const hostsSeen = new Set();
  for (const { url, node } of urls) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      add(`不是有效的 URL：${url}`, `not a valid URL: ${url}`, node.line);
      continue;
    }
    if (parsed.protocol !== 'https:') add(`URL 必须使用 https：${url}`, `URL must use https: ${url}`, node.line);
    if (local(node.name) !== 'AppDomain') hostsSeen.add(parsed.host);
  }
  if (hostsSeen.size > 1) add(`所有 URL 应在同一主机上，现有：${[...hostsSeen].join(', ')}`, `all URLs must be on one host; found ${[...hostsSeen].join(', ')}`, doc.line);

  const fileFor = (url) => {
    const p = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
    const base = path.basename(p);
    // Pages live in src/addin/ or, as in the Office-Addin-TaskPane layout, in a folder of their name (taskpane/, commands/).
    const stem = base.replace(/\.[^.]+$/, '');
    const candidates = [path.join(rootDir, p), path.join(rootDir, 'src/addin', base), path.join(rootDir, 'src/addin', stem, base)];
    return candidates.find((f) => fs.existsSync(f));
  };
  const checkIcon = (url, size, line) => {
    let file;
    try {
      file = fileFor(url);
    } catch {
      return;
    }
    if (!file) return add(`图标文件不存在：${url}`, `icon file not found: ${url}`, line);
    const dim = pngSize(file);
    if (!dim) return add(`图标不是 PNG：${path.relative(rootDir, file)}`, `icon is not a PNG: ${path.relative(rootDir, file)}`, line);
    if (dim.width !== size || dim.height !== size)
      add(`图标 ${path.relative(rootDir, file)} 应为 ${size}×${size} 像素，实际 ${dim.width}×${dim.height}`, `icon ${path.relative(rootDir, file)} must be ${size}×${size} px, is ${dim.width}×${dim.height}`, line);
  };
  const iconUrl = kid(doc, 'IconUrl');
  if (iconUrl && iconUrl.attrs.DefaultValue) checkIcon(iconUrl.attrs.DefaultValue, 32, iconUrl.line);
  const hiRes = kid(doc, 'HighResolutionIconUrl');
  if (hiRes && hiRes.attrs.DefaultValue) checkIcon(hiRes.attrs.DefaultValue, 64, hiRes.line);
  for (const node of [kid(kid(doc, 'DefaultSettings'), 'SourceLocation')]) {
    if (node && node.attrs.DefaultValue && !safeFile(fileFor, node.attrs.DefaultValue))
      add(`任务窗格页面不存在：${node.attrs.DefaultValue}`, `task pane page not found: ${node.attrs.DefaultValue}`, node.line);
  }

  checkVersionOverrides(doc, add, fileFor, checkIcon);
  return problems;
}

function safeFile(fileFor, url) {
  try {
    return fileFor(url);
  } catch {
    return undefined;
  }
}

function checkVersionOverrides(doc, add, fileFor, checkIcon) {
  const vo = kid(doc, 'VersionOverrides');
  if (!vo) return add('缺少 VersionOverrides（功能区按钮）', 'VersionOverrides (the ribbon button) is missing', doc.line);
  if (xsiType(vo) !== 'VersionOverridesV1_0') add('VersionOverrides 的 xsi:type 应为 VersionOverridesV1_0', 'VersionOverrides must have xsi:type="VersionOverridesV1_0"', vo.line);
  const order = vo.children.map((c) => local(c.name)).filter((n) => n === 'Hosts' || n === 'Resources');
  if (order.join(',') !== 'Hosts,Resources') add('VersionOverrides 中应先 Hosts 后 Resources', 'VersionOverrides must contain Hosts, then Resources', vo.line);
  if (kid(vo, 'Requirements')) add('不要把 Requirements 放进 VersionOverrides（不满足时所有按钮都不会安装）', 'do not put Requirements inside VersionOverrides (no command installs when it is not met)', kid(vo, 'Requirements').line);

  const res = kid(vo, 'Resources');
  const table = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  for (const kind of Object.keys(table)) {
    const section = kid(res, kind);
    for (const item of section ? section.children : []) {
      const rid = item.attrs.id;
      if (!rid) {
        add(`资源 <${item.name}> 缺少 id`, `resource <${item.name}> has no id`, item.line);
        continue;
      }
      if (rid.length > 32) add(`资源 id 超过 32 个字符：${rid}`, `resource id longer than 32 characters: ${rid}`, item.line);
      for (const t of Object.values(table)) if (t.has(rid)) add(`资源 id 重复：${rid}`, `duplicate resource id: ${rid}`, item.line);
      table[kind].set(rid, item);
      if (kind === 'ShortStrings' || kind === 'LongStrings') {
        const max = kind === 'ShortStrings' ? 125 : 250;
        const values = [item.attrs.DefaultValue || '', ...kids(item, 'Override').map((o) => o.attrs.Value || '')];
        if (values.some((v) => [...v].length > max)) add(`字符串 ${rid} 超过 ${max} 个字符`, `string ${rid} is longer than ${max} characters`, item.line);
        if (!kids(item, 'Override').some((o) => o.attrs.Locale === 'en-US')) add(`字符串 ${rid} 缺少 en-US 的 Override`, `string ${rid} has no en-US Override`, item.line);
      }
    }
  }
  for (const [rid, img] of table.Images) {
    const m = /(\d+)x\1$/.exec(rid);
    if (img.attrs.DefaultValue && m) checkIcon(img.attrs.DefaultValue, Number(m[1]), img.line);
  }
  for (const [, u] of table.Urls) {
    const url = u.attrs.DefaultValue;
    if (url && /\.html?$/i.test(new URL(url, 'https://x/').pathname) && !safeFile(fileFor, url))
      add(`页面不存在：${url}`, `page not found: ${url}`, u.line);
  }

  // Every resid points to a resource of the right kind.
  const expectKind = (parent, node) => {
    const n = local(node.name);
    if (n === 'Image') return 'Images';
    if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(n)) return 'Urls';
    if (n === 'Label' || n === 'Title') return 'ShortStrings';
    if (n === 'Description') return 'LongStrings';
    return undefined;
  };
  const ids = new Set();
  const visit = (node, parent) => {
    const n = local(node.name);
    if (n === 'Resources') return;
    if ((n === 'Control' || n === 'Group' || n === 'OfficeTab' || n === 'CustomTab') && node.attrs.id) {
      if (ids.has(node.attrs.id)) add(`id 重复：${node.attrs.id}`, `duplicate id: ${node.attrs.id}`, node.line);
      ids.add(node.attrs.id);
    }
    if (node.attrs.resid !== undefined) {
      const kind = expectKind(parent, node);
      const found = Object.entries(table).find(([, t]) => t.has(node.attrs.resid));
      if (!found) add(`resid 未定义：${node.attrs.resid}`, `resid is not defined: ${node.attrs.resid}`, node.line);
      else if (kind && found[0] !== kind)
        add(`<${node.name}> 的 resid ${node.attrs.resid} 应指向 ${kind}，实际在 ${found[0]}`, `<${node.name}> resid ${node.attrs.resid} must refer to ${kind}, found in ${found[0]}`, node.line);
    }
    for (const c of node.children) visit(c, node);
  };
  visit(vo, doc);

  const workbookHost = kids(kid(vo, 'Hosts'), 'Host').find((h) => xsiType(h) === 'Workbook');
  if (!workbookHost) return add('VersionOverrides 中缺少 Workbook 宿主', 'VersionOverrides has no Workbook host', vo.line);
  const desktop = kid(workbookHost, 'DesktopFormFactor');
  if (!desktop || !kid(desktop, 'FunctionFile')) add('DesktopFormFactor 中缺少 FunctionFile', 'DesktopFormFactor has no FunctionFile', workbookHost.line);
  const buttons = [...walk(workbookHost)].filter((n) => local(n.name) === 'Control' && xsiType(n) === 'Button');
  const showPane = buttons.find((b) => {
    const action = kid(b, 'Action');
    return action && xsiType(action) === 'ShowTaskpane' && kid(action, 'SourceLocation');
  });
  if (!showPane) add('功能区中缺少打开任务窗格的按钮', 'no ribbon button opens the task pane', workbookHost.line);
  const homeTab = [...walk(workbookHost)].find((n) => local(n.name) === 'OfficeTab' && n.attrs.id === 'TabHome');
  if (!homeTab) add('按钮应放在“开始”选项卡（OfficeTab id="TabHome"）', 'the button belongs on the Home tab (OfficeTab id="TabHome")', workbookHost.line);
}

function main(argv) {
  let lang = process.env.ZWGK_LANG === 'en' ? 'en' : 'zh-CN';
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') lang = /^en/i.test(argv[++i] || '') ? 'en' : 'zh-CN';
    else if (argv[i].startsWith('--lang=')) lang = /^en/i.test(argv[i].slice(7)) ? 'en' : 'zh-CN';
    else files.push(argv[i]);
  }
  const file = path.resolve(files[0] || path.join(__dirname, '..', 'manifest.xml'));
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(lang === 'en' ? `Cannot read ${file}: check the path.\n` : `无法读取 ${file}，请检查路径。\n`);
    return 1;
  }
  const problems = checkManifest(text, { rootDir: path.resolve(__dirname, '..') });
  const name = path.relative(process.cwd(), file) || file;
  for (const p of problems) process.stderr.write(`${name}${p.line ? `:${p.line}` : ''}: ${lang === 'en' ? p.en : p.zh}\n`);
  if (problems.length === 0) {
    process.stdout.write(lang === 'en' ? `${name}: manifest OK (offline check)\n` : `${name}：清单检查通过（离线检查）\n`);
    return 0;
  }
  process.stderr.write(lang === 'en' ? `${problems.length} problem(s)\n` : `共 ${problems.length} 个问题\n`);
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { checkManifest, parseXml, EXPECTED_EXCEL_API };
