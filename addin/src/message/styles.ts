import { makeStyles, tokens } from '@fluentui/react-components';

/** The Message step's own classes: titles of the parts under "Files", a size below the step's subheadings. */
export const useMessageStyles = makeStyles({
  partTitle: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
});
