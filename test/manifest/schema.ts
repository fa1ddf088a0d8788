/**
 * The parts of the Office add-in manifest schemas (OfficeAppManifestV1_1, MailAppVersionOverrides
 * V1_0/V1_1, OfficeAppBasicTypesV1_0) that a mail add-in with ribbon buttons uses, as the ordered
 * child lists of their xs:sequence definitions. No package ships the XSDs and the online
 * validator needs a network, so the order Outlook enforces at sideload time is checked here.
 */
import { childrenNamed, localName, walk } from './xml';
import type { XmlElement } from './xml';

/** One entry of an xs:sequence: element local name and its occurrence bounds. */
export interface SequenceItem {
  name: string;
  min: number;
  max: number;
}

const many = Number.POSITIVE_INFINITY;
const one = (name: string): SequenceItem => ({ name, min: 1, max: 1 });
const opt = (name: string): SequenceItem => ({ name, min: 0, max: 1 });
const some = (name: string, min = 1): SequenceItem => ({ name, min, max: many });

/** OfficeApp's own sequence followed by the MailApp extension's, as the schema concatenates them. */
export const MAIL_APP_SEQUENCE: SequenceItem[] = [
  one('Id'), opt('AlternateId'), one('Version'), one('ProviderName'), one('DefaultLocale'),
  one('DisplayName'), one('Description'), opt('IconUrl'), opt('HighResolutionIconUrl'), opt('SupportUrl'),
  opt('AppDomains'), opt('Hosts'),
  one('Requirements'), one('FormSettings'), opt('Permissions'), one('Rule'), opt('DisableEntityHighlighting'),
  opt('VersionOverrides'),
];

const LOCALE_AWARE = [some('Override', 0)];
const VERSION_OVERRIDES_1_0 = [opt('Description'), opt('Requirements'), opt('Hosts'), opt('Resources'), opt('VersionOverrides')];
const VERSION_OVERRIDES_1_1 = [
  opt('Description'), opt('Requirements'), opt('Hosts'), opt('Resources'),
  opt('WebApplicationInfo'), opt('ExtendedPermissions'),
];

const xsiType = (e: XmlElement): string | undefined => e.attrs['xsi:type'];

/** Ordered children allowed under an element, or `null` for elements that take no children. */
export function sequenceFor(element: XmlElement, parent: XmlElement | undefined): SequenceItem[] | null {
  const type = xsiType(element);
  switch (localName(element.name)) {
    case 'OfficeApp': return type === 'MailApp' ? MAIL_APP_SEQUENCE : null;
    case 'VersionOverrides':
      return type === 'VersionOverridesV1_0' ? VERSION_OVERRIDES_1_0 : type === 'VersionOverridesV1_1' ? VERSION_OVERRIDES_1_1 : null;
    case 'DisplayName': case 'IconUrl': case 'HighResolutionIconUrl': case 'SupportUrl': case 'String': case 'Url':
      return LOCALE_AWARE;
    case 'Description':
      return parent && localName(parent.name) === 'Supertip' ? null : LOCALE_AWARE;
    case 'SourceLocation':
      return parent && localName(parent.name) === 'DesktopSettings' ? LOCALE_AWARE : null;
    case 'Image':
      return parent && localName(parent.name) === 'Images' ? LOCALE_AWARE : null;
    case 'AppDomains': return [some('AppDomain')];
    case 'Hosts': return [some('Host')];
    case 'Host': return type === 'MailHost' ? [opt('DesktopFormFactor'), opt('MobileFormFactor')] : null;
    case 'Requirements': return [one('Sets')];
    case 'Sets': return [some('Set')];
    case 'FormSettings': return [{ name: 'Form', min: 1, max: 2 }];
    case 'Form': return [one('DesktopSettings'), opt('TabletSettings'), opt('PhoneSettings')];
    case 'DesktopSettings':
      return parent && xsiType(parent) === 'ItemRead' ? [one('SourceLocation'), one('RequestedHeight')] : [one('SourceLocation')];
    case 'Rule': return type === 'RuleCollection' ? [some('Rule')] : null;
    case 'DesktopFormFactor': return [opt('SupportsSharedFolders'), opt('FunctionFile'), some('ExtensionPoint')];
    case 'ExtensionPoint': return [some('OfficeTab', 0), some('CustomTab', 0)];
    case 'OfficeTab': return [some('Group')];
    case 'CustomTab': return [some('Group'), one('Label')];
    case 'Group': return [one('Label'), some('Control')];
    case 'Control': return type === 'Button' ? [one('Label'), one('Supertip'), one('Icon'), one('Action')] : null;
    case 'Supertip': return [one('Title'), one('Description')];
    case 'Icon': return [some('Image')];
    case 'Action':
      return type === 'ShowTaskpane'
        ? [one('SourceLocation'), opt('SupportsPinning'), opt('SupportsMultiSelect'), opt('SupportsNoItemContext')]
        : null;
    case 'Resources': return [opt('Images'), opt('Urls'), opt('ShortStrings'), opt('LongStrings')];
    case 'Images': return [some('Image', 0)];
    case 'Urls': return [some('Url', 0)];
    case 'ShortStrings': case 'LongStrings': return [some('String', 0)];
    default: return null;
  }
}

/** Problems with one element's children against a sequence; empty when they fit. */
export function checkSequence(element: XmlElement, sequence: SequenceItem[]): string[] {
  const problems: string[] = [];
  const counts = new Array<number>(sequence.length).fill(0);
  let at = 0;
  for (const child of childrenNamed(element)) {
    const name = localName(child.name);
    const found = sequence.findIndex((item, i) => i >= at && item.name === name);
    if (found < 0) {
      const earlier = sequence.findIndex((item) => item.name === name);
      problems.push(
        earlier >= 0
          ? `<${name}> (line ${child.line}) is out of order in <${element.name}>: it must come before <${sequence[at].name}>`
          : `<${name}> (line ${child.line}) is not allowed in <${element.name}>`,
      );
      continue;
    }
    at = found;
    counts[found]++;
    if (counts[found] > sequence[found].max) problems.push(`<${name}> appears too often in <${element.name}> (line ${child.line})`);
  }
  sequence.forEach((item, i) => {
    if (counts[i] < item.min) problems.push(`<${element.name}> (line ${element.line}) lacks <${item.name}>`);
  });
  return problems;
}

/** Checks every element of a manifest: children in schema order, and leaves without children. */
export function checkManifestStructure(root: XmlElement): string[] {
  if (localName(root.name) !== 'OfficeApp') return [`the root element is <${root.name}>, not <OfficeApp>`];
  const problems: string[] = [];
  for (const { element, ancestors } of walk(root)) {
    const sequence = sequenceFor(element, ancestors[ancestors.length - 1]);
    if (sequence) problems.push(...checkSequence(element, sequence));
    else if (element.children.length > 0) {
      problems.push(`<${element.name}> (line ${element.line}) must not contain elements`);
    }
  }
  return problems;
}
