import { Badge, makeStyles } from '@fluentui/react-components';
import type { DeliveryStatus, RunStatus } from '../../../shared/api';
import { useI18n } from '../i18n';

// A badge has a fixed height: its words must stay on one line however narrow the pane.
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

type BadgeColor = 'success' | 'danger' | 'warning' | 'informative' | 'subtle' | 'brand';

const DELIVERY_COLORS: Record<DeliveryStatus, BadgeColor> = {
  pending: 'informative',
  sending: 'brand',
  sent: 'success',
  failed: 'danger',
  skipped: 'warning',
};

const RUN_COLORS: Record<RunStatus, BadgeColor> = {
  scheduled: 'informative',
  queued: 'informative',
  running: 'brand',
  paused: 'warning',
  completed: 'success',
  cancelled: 'subtle',
};

/** A delivery status as a coloured, translated badge. */
export function StatusBadge(props: { status: DeliveryStatus }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={DELIVERY_COLORS[props.status]} data-testid="delivery-status">
      {t(`counts.${props.status}`)}
    </Badge>
  );
}

/** A run status as a coloured, translated badge. */
export function RunStatusBadge(props: { status: RunStatus }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={RUN_COLORS[props.status]} data-testid="run-status">
      {t(`runStatus.${props.status}`)}
    </Badge>
  );
}
