/** The one export of office-addin-manifest that office-addin-mock needs, for bundling the mock into a page. */
export enum OfficeApp {
  Excel = 'excel',
  OneNote = 'onenote',
  Outlook = 'outlook',
  PowerPoint = 'powerpoint',
  Project = 'project',
  Word = 'word',
}
