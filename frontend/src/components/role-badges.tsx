import { useTranslation } from 'react-i18next';
import { Badge } from './ui/badge';

/** Roles as translated badges. */
export function RoleBadges({ roles }: { roles: readonly string[] | undefined }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap gap-1">
      {(roles ?? []).map((role) => (
        <Badge key={role} tone={role === 'ADMIN' ? 'warning' : role === 'PATIENT' ? 'neutral' : 'info'}>
          {t(`roles.${role}`, { defaultValue: role })}
        </Badge>
      ))}
    </span>
  );
}
