import { Text } from 'ink';
import { TAB_LABELS, TABS, type TabId } from './navigation.js';
import { useTheme } from '../kit/theme.js';

/** "[1 Summary]  2 Hotspots  …": the current tab in brackets (and inverse with colour). */
export function TabBar({ current }: { readonly current: TabId }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      {TABS.map((tab, i) => {
        const label = `${i + 1} ${TAB_LABELS[tab]}`;
        return tab === current ? (
          <Text key={tab} bold={theme.color} inverse={theme.color} color={theme.accent}>
            [{label}]
          </Text>
        ) : (
          <Text key={tab}> {label} </Text>
        );
      })}
    </Text>
  );
}
