import bold from '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf?url';
import extraBold from '@expo-google-fonts/be-vietnam-pro/800ExtraBold/BeVietnamPro_800ExtraBold.ttf?url';
import regular from '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf?url';
import semiBold from '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf?url';

/**
 * Be Vietnam Pro, shipped with the app (no network, full Vietnamese coverage), registered
 * before first paint so diacritics never fall back to a system font.
 */
export async function loadFonts(): Promise<void> {
  const faces = [
    new FontFace('Be Vietnam Pro', `url(${regular})`, { weight: '400' }),
    new FontFace('Be Vietnam Pro', `url(${semiBold})`, { weight: '600' }),
    new FontFace('Be Vietnam Pro', `url(${bold})`, { weight: '700' }),
    new FontFace('Be Vietnam Pro', `url(${extraBold})`, { weight: '800' }),
  ];
  await Promise.all(
    faces.map(async (f) => {
      document.fonts.add(await f.load());
    }),
  );
}
