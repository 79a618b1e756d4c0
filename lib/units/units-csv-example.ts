/** The units file's format by example: data, the same in both languages (Vietnamese place names). */
export const UNITS_CSV_EXAMPLE = `code,name,level,kind,parent_code
48,Đà Nẵng,PROVINCE,Thành phố,
492,Hải Châu,DISTRICT,Quận,48
20206,Hòa Thuận Tây,WARD,Phường,492
20206-01,Tổ dân phố 1,RESIDENTIAL_GROUP,Tổ dân phố,20206`;

