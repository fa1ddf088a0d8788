import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  frame: {
    width: '100%',
    minHeight: '240px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    boxSizing: 'border-box',
  },
});

/**
 * Shows untrusted HTML (a merged message, a stored mail) in an iframe with an empty sandbox:
 * scripts, forms, plugins and navigation are all inert, and it runs in an opaque origin.
 */
export function SandboxedFrame(props: { html: string; title: string; testId?: string }) {
  const styles = useStyles();
  return (
    <iframe
      className={styles.frame}
      sandbox=""
      srcDoc={props.html}
      title={props.title}
      data-testid={props.testId}
      referrerPolicy="no-referrer"
    />
  );
}
