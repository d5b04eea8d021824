import type { PriorityGroup, RatingLevel } from './model';

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

export const RATING_LABELS: Record<'vi' | 'en', Record<RatingLevel, string>> = {
  vi: { very_satisfied: 'Rất hài lòng', satisfied: 'Hài lòng', neutral: 'Bình thường', unsatisfied: 'Không hài lòng' },
  en: { very_satisfied: 'Very satisfied', satisfied: 'Satisfied', neutral: 'Neutral', unsatisfied: 'Not satisfied' },
};
