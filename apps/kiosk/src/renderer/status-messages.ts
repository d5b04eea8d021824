/** The phone status page's words (/t/<id>); the wait lines come from @qms/printer/wait-wording. */
export const STATUS_TEXT = {
  vi: {
    title: 'Theo dõi lượt gọi', waiting: 'Đang chờ gọi', called: 'Mời Ông/Bà đến quầy {n}', serving: 'Đang được phục vụ tại quầy {n}',
    done: 'Đã phục vụ xong. Xin cảm ơn Ông/Bà!', no_show: 'Số đã được gọi khi Ông/Bà vắng mặt. Mời Ông/Bà liên hệ quầy hướng dẫn.',
    cancelled: 'Vé đã huỷ', expired: 'Vé đã hết hạn (vé chỉ dùng trong ngày)', notFound: 'Không tìm thấy vé',
    offline: 'Không kết nối được máy chủ, đang thử lại…', updated: 'Cập nhật lúc {t}', lang: 'English',
  },
  en: {
    title: 'Follow your turn', waiting: 'Waiting to be called', called: 'Please go to counter {n}', serving: 'Being served at counter {n}',
    done: 'Served. Thank you!', no_show: 'Called while you were away. Please ask at the guidance counter.',
    cancelled: 'Ticket cancelled', expired: 'Ticket expired (tickets are valid for one day)', notFound: 'Ticket not found',
    offline: 'Cannot reach the server, retrying…', updated: 'Updated at {t}', lang: 'Tiếng Việt',
  },
};
