import type { PriorityGroup } from './model';

/** Names of the priority groups as citizens read them (kiosk, ticket, counter). */
export const PRIORITY_GROUP_LABELS: Record<'vi' | 'en', Record<PriorityGroup, string>> = {
  vi: {
    elderly: 'Người cao tuổi',
    disability: 'Người khuyết tật',
    pregnant: 'Phụ nữ mang thai',
    young_child: 'Người đi cùng trẻ nhỏ',
    meritorious: 'Người có công với cách mạng',
  },
  en: {
    elderly: 'Elderly person',
    disability: 'Person with a disability',
    pregnant: 'Pregnant woman',
    young_child: 'With a young child',
    meritorious: 'Person with meritorious service',
  },
};
